using System.Text;

namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>The doctor's report as the command prints it: one line per check, the fix under each failed one.</summary>
public static class DoctorText
{
    public static string Render(DoctorReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"OutlookCrm doctor: tenant {report.TenantId}{(report.Mailbox is null ? "" : $", mailbox {report.Mailbox}")}{(report.Outside is null ? "" : $", outside {report.Outside}")}");
        foreach (var finding in report.Checks)
        {
            var mark = finding.Status switch
            {
                DoctorFinding.Passed => "[ok]",
                DoctorFinding.Failing => "[FAILED]",
                _ => "[skipped]",
            };
            text.AppendLine($"{mark} {finding.Check}: {finding.Summary}");
            if (finding.Fix is { } fix)
            {
                text.AppendLine($"    Fix: {fix}");
            }
        }
        var failed = report.Checks.Count(finding => finding.Status == DoctorFinding.Failing);
        text.AppendLine(failed == 0 ? "Every check passed." : $"{failed} check(s) failed.");
        return text.ToString();
    }
}
