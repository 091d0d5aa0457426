using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 2. The app may read the given mailbox: the same probe a connect makes (its Inbox, which Mail.Read allows; no
/// directory permission needed), so a pass here means a connect passes this step too.
/// </summary>
public sealed class MailboxReadCheck(DoctorSettings settings) : IDoctorCheck
{
    public string Name => "Mailbox permission";

    public async Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        if (visit.Request.Mailbox is not { } mailbox)
        {
            return DoctorFinding.Skipped(Name, "Give a mailbox the app should read (--mailbox, or ?mailbox=) to check it, its scope and the webhook.");
        }
        if (!visit.GraphTakesToken)
        {
            return DoctorFinding.Skipped(Name, "Needs a Graph token (see above).");
        }
        var probe = await visit.Graph.ProbeMailboxAsync(mailbox, ct);
        switch (probe.Result)
        {
            case MailboxProbeResult.Readable:
                visit.MailboxReadable = true;
                return DoctorFinding.Ok(Name, $"The app reads {mailbox}.");
            case MailboxProbeResult.NotFound:
                return DoctorFinding.Failed(Name, $"Microsoft 365 has no mailbox {mailbox}{Said(probe)}.",
                    $"Check the address: Get-EXOMailbox -Identity {mailbox} | Format-List PrimarySmtpAddress,UserPrincipalName,EmailAddresses (a mailbox is found by its user principal name or its primary address).");
            default:
                return DoctorFinding.Failed(Name, $"The app may not read {mailbox}{Said(probe)}.", PowerShellFixes.LetRead(settings.ClientId, mailbox));
        }
    }

    internal static string Said(MailboxProbe probe) => probe.Detail is { Length: > 0 } detail ? $" (Graph: {detail})" : "";
}
