using OutlookCrm.GraphEmulator.Faults;
using OutlookCrm.GraphEmulator.Mail;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>What a real tenant is like that a fresh emulator is not: an access policy, and mailboxes full of old mail.</summary>
public static class TenantControlEndpoints
{
    /// <summary><c>count</c> old messages (at most 100,000) spread over the last <c>days</c> (default 365) in <c>folder</c> (inbox or sentitems).</summary>
    public sealed record PrefillRequest(int? Count, int? Days, string? Folder);

    private const int MaxPrefill = 100_000;

    public static RouteGroupBuilder MapTenantControl(this RouteGroupBuilder control)
    {
        control.MapPost("/access-policy", (AccessPolicyRequest request, AccessPolicy policy) =>
            policy.Apply(request) is { Count: > 0 } unknown
                ? Results.Problem(statusCode: 400, title: "mailboxes names addresses the emulator has no mailbox for", detail: string.Join(", ", unknown))
                : Results.NoContent());
        control.MapDelete("/access-policy", (AccessPolicy policy) =>
        {
            policy.Clear();
            return Results.NoContent();
        });
        control.MapPost("/mailboxes/{address}/prefill", Prefill);
        return control;
    }

    /// <summary>
    /// A mailbox as a real one is when it is connected: full of old mail (a real mailbox holds tens of thousands of
    /// items). Stored without change notifications, as mail that arrived before any subscription; delta's first round
    /// lists them all (learn.microsoft.com graph/delta-query-messages: the first round returns every message of the folder).
    /// </summary>
    private static IResult Prefill(string address, PrefillRequest request, MailStore mailboxes, MessageFactory factory, TimeProvider clock)
    {
        if (mailboxes.FindByAddress(address) is not { } mailbox)
        {
            return Results.Problem(statusCode: 404, title: "No such mailbox in the emulator");
        }
        var folder = WellKnownFolders.Normalize(request.Folder ?? WellKnownFolders.Inbox);
        if (request.Count is not (> 0 and <= MaxPrefill) || folder is not (WellKnownFolders.Inbox or WellKnownFolders.SentItems) || request.Days is <= 0)
        {
            return Results.Problem(statusCode: 400, title: $"count is 1..{MaxPrefill}, days positive, folder inbox or sentitems");
        }
        var count = request.Count.Value;
        var span = TimeSpan.FromDays(request.Days ?? 365);
        var now = clock.GetUtcNow();
        var self = new EmailAddress(mailbox.Address, mailbox.DisplayName);
        for (var i = 0; i < count; i++)
        {
            var other = new EmailAddress($"sender{i % 500}@old-mail.example", null);
            var outgoing = folder == WellKnownFolders.Inbox
                ? new Outgoing(other, [self], [], [], $"Old message {i}", "<p>Old mail</p>", [], null, null)
                : new Outgoing(self, [other], [], [], $"Old message {i}", "<p>Old mail</p>", [], null, null);
            // Oldest first, the newest a minute before now: every one of them is older than a connection made now.
            var receivedAt = now - TimeSpan.FromMinutes(1) - span * (count - i) / count;
            mailbox.Add(factory.OldCopy(mailbox, folder, outgoing, receivedAt));
        }
        return Results.Json(new { address = mailbox.Address, folder, count }, statusCode: StatusCodes.Status201Created);
    }
}
