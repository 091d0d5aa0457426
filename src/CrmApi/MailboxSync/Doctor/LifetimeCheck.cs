using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 5. Graph grants the lifetime the product asks for: the test subscription is renewed to
/// Graph:SubscriptionLifetimeMinutes, as the keeper renews, and the expiry Graph answers is compared with the one asked.
/// Graph may refuse more than its maximum, or grant less (learn.microsoft.com graph/api/resources/subscription,
/// "Subscription lifetime"): either way renewals planned on the asked lifetime come too late.
/// </summary>
public sealed class LifetimeCheck(GraphOptions graph, TimeProvider clock) : IDoctorCheck
{
    // Graph rounds and the call takes time: a granted expiry this close to the one asked is the one asked.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    public string Name => "Subscription lifetime";

    public async Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        if (visit.TestSubscription is not { } subscription)
        {
            return DoctorFinding.Skipped(Name, "Needs the test subscription (see above).");
        }
        var minutes = graph.SubscriptionLifetimeMinutes;
        var asked = clock.GetUtcNow().AddMinutes(minutes);
        DateTimeOffset? granted;
        try
        {
            granted = await visit.Graph.RenewSubscriptionAsync(subscription.Id, asked, ct);
        }
        catch (ApiException error)
        {
            var message = (error as ODataError)?.Error?.Message ?? error.Message;
            return SubscriptionFailures.MaxLifetime(message) is { } most
                ? DoctorFinding.Failed(Name, $"Graph refuses a lifetime of {minutes} minutes: \"{message}\"", Fix(most))
                : DoctorFinding.Failed(Name, $"Graph refused to renew the test subscription ({error.ResponseStatusCode}: {message}).",
                    "Renewals need the same permission as creating: see the checks above.");
        }
        if (granted is not { } expiry)
        {
            return DoctorFinding.Failed(Name, "The test subscription was gone when renewed.", "Run the doctor again; if it persists, the subscription is being removed by Graph (see the lifecycle notifications in the log).");
        }
        var grantedMinutes = (int)Math.Floor((expiry - clock.GetUtcNow()).TotalMinutes);
        if (expiry < asked - Tolerance)
        {
            return DoctorFinding.Failed(Name, $"Graph granted {grantedMinutes} minutes of the {minutes} asked.", Fix(grantedMinutes));
        }
        if (graph.RenewBeforeMinutes >= minutes)
        {
            return DoctorFinding.Failed(Name, $"Graph:RenewBeforeMinutes ({graph.RenewBeforeMinutes}) is not below the lifetime ({minutes}): every keeper round renews everything.",
                $"Set Graph:RenewBeforeMinutes well below the lifetime, e.g. {(minutes / 7).ToString(CultureInfo.InvariantCulture)} (the defaults renew a day before a week ends: 1440 of 10020).");
        }
        return DoctorFinding.Ok(Name, $"Graph grants the {minutes} minutes asked; subscriptions are renewed {graph.RenewBeforeMinutes} minutes before they end.");
    }

    private string Fix(int most) =>
        $"Set Graph:SubscriptionLifetimeMinutes to at most {most.ToString(CultureInfo.InvariantCulture)} (now {graph.SubscriptionLifetimeMinutes}), "
        + $"and keep Graph:RenewBeforeMinutes (now {graph.RenewBeforeMinutes}) well below it.";
}
