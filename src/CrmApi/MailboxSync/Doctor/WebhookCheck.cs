using System.Security.Cryptography;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 4. Graph reaches the webhook: a real subscription on the mailbox's Inbox, which Graph creates only after its
/// validation call to App:PublicBaseUrl + /webhooks/graph (and /lifecycle) was answered. Asked for an hour, so that a
/// failed delete leaves it for an hour at most; the runner deletes it at the end.
/// </summary>
public sealed class WebhookCheck(DoctorSettings settings, TimeProvider clock) : IDoctorCheck
{
    private static readonly TimeSpan TestLifetime = TimeSpan.FromHours(1);

    public string Name => "Webhook reachable from Graph";

    public async Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        if (visit.Request.Mailbox is not { } mailbox)
        {
            return DoctorFinding.Skipped(Name, "Give a mailbox the app should read (--mailbox, or ?mailbox=) to create a test subscription on it.");
        }
        if (!visit.MailboxReadable)
        {
            return DoctorFinding.Skipped(Name, "Needs a mailbox the app may read (see above).");
        }
        // Never one the product uses: a notification on the test subscription is refused like any forged one.
        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            visit.TestSubscription = await visit.Graph.CreateSubscriptionAsync(mailbox, "inbox", clientState, clock.GetUtcNow() + TestLifetime, ct);
        }
        catch (ApiException error)
        {
            if (SubscriptionFailures.Describe(error) is { } failure)
            {
                return DoctorFinding.Failed(Name, $"{failure.Title} ({settings.WebhookUrl}). {failure.Detail}", failure.Fix);
            }
            var message = (error as ODataError)?.Error?.Message ?? error.Message;
            return DoctorFinding.Failed(Name, $"Graph refused the test subscription ({error.ResponseStatusCode}: {message}).",
                $"{SubscriptionFailures.InFront}; check App:PublicBaseUrl ({settings.PublicBaseUrl}).");
        }
        return DoctorFinding.Ok(Name, $"Graph validated {settings.WebhookUrl} and {settings.WebhookUrl}/lifecycle and created a test subscription.");
    }
}
