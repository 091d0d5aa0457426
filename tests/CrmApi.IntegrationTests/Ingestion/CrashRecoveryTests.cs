using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Ingestion;

/// <summary>
/// CrmApi killed (SIGKILL) or stopped (SIGTERM) in the middle of a burst against a standalone emulator, which keeps
/// retrying its notifications while the API is down; after a restart every message is logged, none twice.
/// </summary>
public class CrashRecoveryTests
{
    private const int Messages = 500;

    /// <summary>
    /// Killed (nothing finishes) or stopped (the host shuts down gracefully, the worker's claimed rows left to their
    /// leases) a third of the way into a burst, while the emulator keeps sending; restarted.
    /// </summary>
    [Theory]
    [InlineData("killed")]
    [InlineData("stopped")]
    public async Task MidBurst_Restarted_EveryMessageLoggedExactlyOnce(string how)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var deployment = await StandaloneDeployment.StartAsync(ct);
        await deployment.IntentsAsync("t-crash", 0, Messages, ct);

        for (var i = 0; i < Messages; i++)
        {
            if (i == Messages / 3 && how == "killed")
            {
                await deployment.Api.KillAsync();
            }
            else if (i == Messages / 3)
            {
                Assert.Equal(0, await deployment.Api.StopAsync(TimeSpan.FromSeconds(30)));
            }
            await deployment.SendAsync("t-crash", i, ct);
        }
        await deployment.Api.StartAsync("/health");

        await deployment.AssertLoggedOnceAsync(Messages);
    }
}
