using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 3. The app's reach is the mailboxes meant and no more: a mailbox it should not read (<c>--outside</c>) must be
/// refused. One readable means the scope is wider than intended, usually tenant-wide Mail.Read consented in Entra ID.
/// </summary>
public sealed class AccessScopeCheck(DoctorSettings settings) : IDoctorCheck
{
    public string Name => "Access scope";

    public async Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        if (visit.Request.Outside is not { } outside)
        {
            return DoctorFinding.Skipped(Name, "Give a mailbox the app should not read (--outside, or ?outside=) to check its scope is not the whole tenant.");
        }
        if (!visit.GraphTakesToken)
        {
            return DoctorFinding.Skipped(Name, "Needs a Graph token (see above).");
        }
        var probe = await visit.Graph.ProbeMailboxAsync(outside, ct);
        return probe.Result switch
        {
            MailboxProbeResult.Denied => DoctorFinding.Ok(Name, $"{outside} is outside the app's reach, as intended."),
            MailboxProbeResult.Readable => DoctorFinding.Failed(Name,
                $"The app can read {outside}, which should be outside its reach: the scope is wider than intended.", PowerShellFixes.StopReading(settings.ClientId, outside)),
            _ => DoctorFinding.Failed(Name, $"Microsoft 365 has no mailbox {outside}{MailboxReadCheck.Said(probe)}, so the scope cannot be checked with it.",
                "Give --outside an existing mailbox the app should not read."),
        };
    }
}
