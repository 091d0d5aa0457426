namespace OutlookCrm.CrmApi.MailboxSync.Doctor;

/// <summary>
/// 6. This machine's clock against Graph's (its <c>Date</c> header): tokens are checked with a few minutes' leeway, and
/// the product computes subscription expiries and renewal times from its own clock.
/// </summary>
public sealed class ClockCheck(TimeProvider clock) : IDoctorCheck
{
    // Microsoft.IdentityModel's default clock skew is 5 minutes; a little under it leaves room for the request's own time.
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(3);

    public string Name => "Clock";

    public Task<DoctorFinding> RunAsync(DoctorVisit visit, CancellationToken ct)
    {
        if (visit.GraphDate is not { } graphNow)
        {
            return Task.FromResult(DoctorFinding.Skipped(Name, "Graph's answer carried no Date header to compare with (see the token check)."));
        }
        var skew = clock.GetUtcNow() - graphNow;
        var seconds = (int)Math.Round(Math.Abs(skew.TotalSeconds));
        if (skew.Duration() > MaxSkew)
        {
            return Task.FromResult(DoctorFinding.Failed(Name, $"This machine's clock is {seconds} s {(skew > TimeSpan.Zero ? "ahead of" : "behind")} Graph's.",
                "Synchronise the clock with NTP (Windows: w32tm /resync; Linux: timedatectl set-ntp true); tokens and subscription expiries break beyond a few minutes."));
        }
        return Task.FromResult(DoctorFinding.Ok(Name, $"Within {seconds} s of Graph's clock."));
    }
}
