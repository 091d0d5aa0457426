using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.IntegrationTests.Ingestion;
using OutlookCrm.CrmApi.IntegrationTests.Privacy;

namespace OutlookCrm.CrmApi.IntegrationTests.UncheckedSends;

public static class UncheckedSendsClient
{
    /// <summary>A send as Outlook makes it without the add-in (mobile, the pane never opened): no stamp, no intent, no check.</summary>
    public static Task<JsonElement> PlainSendAsync(this ConnectedRep connected, string subject, string[] to, string[]? cc = null, string[]? bcc = null) =>
        connected.Emulator.SendAsync(connected.Address, new { to, cc, bcc, subject, bodyHtml = $"<p>{subject}</p>" });

    /// <summary>Waits for the contact's first <c>sentWithoutCheck</c> line and gives it.</summary>
    public static async Task<JsonElement> SentWithoutCheckAsync(this CrmClient rep, Guid contact)
    {
        JsonElement? found = null;
        await Emulator.EventuallyAsync(async () =>
        {
            found = (await rep.AuditAsync(contact)).FirstOrDefault(line => line.GetProperty("event").GetString() == "sentWithoutCheck") is { ValueKind: JsonValueKind.Object } line ? line : null;
            return found is not null;
        }, "a sentWithoutCheck line in the contact's audit");
        return found!.Value;
    }
}
