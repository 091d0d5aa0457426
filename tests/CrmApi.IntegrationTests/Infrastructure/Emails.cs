using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// Logs emails through the product's own writer (the logging pipeline of a later issue writes through it too), so
/// the read API is tested against rows made the real way.
/// </summary>
public static class Emails
{
    public static async Task<Guid> LogAsync(
        this CrmApiFactory factory, Guid accountId, IReadOnlyList<Guid> recordIds, DateTimeOffset sentAt,
        string subject = "Pricing", string kind = EmailKinds.Email, string body = "<p>Hello</p>", string? messageId = null,
        Mailbox? from = null, IReadOnlyList<Mailbox>? to = null, IReadOnlyList<Mailbox>? cc = null)
    {
        var writer = factory.Services.GetRequiredService<EmailWriter>();
        var result = await writer.WriteAsync(new NewEmail
        {
            AccountId = accountId,
            InternetMessageId = messageId ?? $"<{Guid.NewGuid():N}@contoso.com>",
            ConversationId = "conversation-1",
            Kind = kind,
            Direction = EmailDirections.Outgoing,
            Subject = subject,
            From = from ?? new Mailbox("alex@contoso.com", "Alex Wilber"),
            To = to ?? [new Mailbox("Megan@fabrikam.com", "Megan Bowen")],
            Cc = cc ?? [new Mailbox("lee@northwind.example.com", null)],
            Bcc = to is null ? [new Mailbox("archive@contoso.com", null)] : [],
            SentAt = sentAt,
            BodyHtml = body,
            LoggedBecause = "test",
            RecordIds = recordIds,
        }, CancellationToken.None);
        return result switch
        {
            WriteEmailResult.Logged logged => logged.EmailId,
            WriteEmailResult.AlreadyLogged already => already.EmailId,
            _ => throw new InvalidOperationException($"Not logged: {result}"),
        };
    }
}
