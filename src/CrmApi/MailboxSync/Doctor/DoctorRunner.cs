using Microsoft.Kiota.Abstractions;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// Runs the checks in order against one tenant, then deletes the test subscription whatever happened. A check that
/// throws is reported as failed with its error, so one fault never hides the answers of the others.
/// </summary>
public sealed class DoctorRunner(IGraphMailFactory graph, IEnumerable<IDoctorCheck> checks, ILogger<DoctorRunner> logger)
{
    public async Task<DoctorReport> RunAsync(DoctorRequest request, CancellationToken ct)
    {
        var visit = new DoctorVisit(request, () => graph.ForTenant(request.TenantId));
        var findings = new List<DoctorFinding>();
        try
        {
            foreach (var check in checks)
            {
                findings.Add(await RunOneAsync(check, visit, ct));
            }
        }
        finally
        {
            if (await CleanUpAsync(visit) is { } leftOver)
            {
                findings.Add(leftOver);
            }
        }
        // Statuses only: the addresses asked about are personal data and stay out of the log.
        logger.LogInformation("Doctor ran: {Findings}", string.Join(", ", findings.Select(finding => $"{finding.Check}={finding.Status}")));
        return new DoctorReport(request.TenantId, request.Mailbox, request.Outside, findings.All(finding => finding.Status != DoctorFinding.Failing), findings);
    }

    private static async Task<DoctorFinding> RunOneAsync(IDoctorCheck check, DoctorVisit visit, CancellationToken ct)
    {
        try
        {
            return await check.RunAsync(visit, ct);
        }
        catch (Exception error) when (error is ApiException or HttpRequestException or GraphThrottledException)
        {
            return DoctorFinding.Failed(check.Name, $"Graph failed: {error.Message}", "Run the doctor again; if it persists, see Microsoft 365 service health.");
        }
    }

    private static async Task<DoctorFinding?> CleanUpAsync(DoctorVisit visit)
    {
        if (visit.TestSubscription is not { } subscription)
        {
            return null;
        }
        try
        {
            await visit.Graph.DeleteSubscriptionAsync(subscription.Id, CancellationToken.None);
            return null;
        }
        catch (Exception error) when (error is ApiException or HttpRequestException or GraphThrottledException)
        {
            return DoctorFinding.Failed("Clean-up", $"The test subscription {subscription.Id} could not be deleted ({error.Message}); it ends by itself within the hour.",
                $"Or delete it: DELETE https://graph.microsoft.com/v1.0/subscriptions/{subscription.Id}");
        }
    }
}
