using System.Net;
using System.Net.Http.Json;

namespace OutlookCrm.CrmApi.IntegrationTests.Doctor;

/// <summary>
/// Issue 18, the doctor for IT: the real command (<c>dotnet CrmApi.dll doctor</c>, a process of the built API) against
/// "Graph" and a deployed CrmApi (<see cref="DoctorDeployment"/>). It passes when all is well, and names each fault
/// switched on, with its fix, and exits 1.
/// </summary>
public class DoctorCommandTests(DoctorDeployment deployment) : IClassFixture<DoctorDeployment>
{
    private static readonly Dictionary<string, string> AsDeployed = [];

    private static string NewAddress(string name) => $"{name}@doctor{Guid.NewGuid():N}.example.com";

    private async Task AccessPolicyAsync(params string[] mailboxes) =>
        Assert.Equal(HttpStatusCode.NoContent, (await deployment.Control.PostAsJsonAsync("/_emulator/access-policy", new { mailboxes, directory = false })).StatusCode);

    private async Task EveryMailboxReadableAsync() =>
        Assert.Equal(HttpStatusCode.NoContent, (await deployment.Control.DeleteAsync(new Uri("/_emulator/access-policy", UriKind.Relative))).StatusCode);

    private async Task RequireHttpsAsync(bool require) =>
        Assert.Equal(HttpStatusCode.NoContent, (await deployment.Control.PostAsJsonAsync("/_emulator/webhook-rules", new { requireHttps = require })).StatusCode);

    [Fact]
    public async Task Doctor_AgainstTheEmulator_PassesEveryCheck_AndLeavesNoSubscription()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));
        var outside = await deployment.MailboxAsync(NewAddress("ceo"));
        await AccessPolicyAsync(inside);
        try
        {
            var (exitCode, output) = await deployment.DoctorAsync(AsDeployed, "--mailbox", inside, "--outside", outside);

            Assert.True(exitCode == 0, output);
            foreach (var check in new[] { "Graph token", "Mailbox permission", "Access scope", "Webhook reachable from Graph", "Subscription lifetime", "Clock" })
            {
                Assert.Contains($"[ok] {check}:", output, StringComparison.Ordinal);
            }
            Assert.Equal(0, await deployment.SubscriptionsOnAsync(inside));
        }
        finally
        {
            await EveryMailboxReadableAsync();
        }
    }

    [Fact]
    public async Task Doctor_MailboxOutsideTheAccessPolicy_SaysTheAppMayNotReadIt_WithTheRoleAssignment()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));
        var other = await deployment.MailboxAsync(NewAddress("support"));
        await AccessPolicyAsync(other);
        try
        {
            var (exitCode, output) = await deployment.DoctorAsync(AsDeployed, "--mailbox", inside);

            Assert.True(exitCode == 1, output);
            Assert.Contains($"[FAILED] Mailbox permission: The app may not read {inside}", output, StringComparison.Ordinal);
            Assert.Contains($"Test-ServicePrincipalAuthorization -Identity <application (client) id> -Resource {inside}", output, StringComparison.Ordinal);
            Assert.Contains("up to 2 hours", output, StringComparison.Ordinal);
            Assert.Contains("[skipped] Webhook reachable from Graph", output, StringComparison.Ordinal);
        }
        finally
        {
            await EveryMailboxReadableAsync();
        }
    }

    [Fact]
    public async Task Doctor_OutsideMailboxReadable_SaysTheScopeIsWiderThanIntended_WithThePowerShellToScopeIt()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));
        var outside = await deployment.MailboxAsync(NewAddress("ceo"));
        await EveryMailboxReadableAsync();

        var (exitCode, output) = await deployment.DoctorAsync(AsDeployed, "--mailbox", inside, "--outside", outside);

        Assert.True(exitCode == 1, output);
        Assert.Contains($"[FAILED] Access scope: The app can read {outside}, which should be outside its reach: the scope is wider than intended.", output, StringComparison.Ordinal);
        Assert.Contains("New-ManagementScope -Name \"OutlookCrm mailboxes\"", output, StringComparison.Ordinal);
        Assert.Contains("New-ApplicationAccessPolicy -AppId", output, StringComparison.Ordinal);
        Assert.Contains("[ok] Webhook reachable from Graph", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrontDoor.Challenge, "Graph could not validate the webhook URL")]
    [InlineData(FrontDoor.Redirect, "Graph could not validate the webhook URL")]
    [InlineData(FrontDoor.Silent, "Graph's validation call to the webhook timed out")]
    public async Task Doctor_SomethingInFrontOfTheWebhook_NamesTheValidationFailure_AndWhatMustNotStandThere(string inFront, string named)
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));
        await using var frontDoor = await FrontDoor.StartAsync(inFront, deployment.ApiBaseUrl);

        var (exitCode, output) = await deployment.DoctorAsync(new Dictionary<string, string> { ["App__PublicBaseUrl"] = frontDoor.BaseUrl }, "--mailbox", inside);

        Assert.True(exitCode == 1, output);
        Assert.Contains($"[FAILED] Webhook reachable from Graph: {named} ({frontDoor.BaseUrl}/webhooks/graph)", output, StringComparison.Ordinal);
        Assert.Contains("App:PublicBaseUrl", output, StringComparison.Ordinal);
        Assert.Contains(inFront == FrontDoor.Silent ? "Always On" : "no App Service Authentication", output, StringComparison.Ordinal);
        Assert.Contains("[skipped] Subscription lifetime", output, StringComparison.Ordinal);
        Assert.Equal(0, await deployment.SubscriptionsOnAsync(inside));
    }

    [Fact]
    public async Task Doctor_AnHttpWebhookUrl_IsRefusedAsGraphRefusesIt_AndTheFixIsAnHttpsPublicBaseUrl()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));
        await RequireHttpsAsync(true);
        try
        {
            var (exitCode, output) = await deployment.DoctorAsync(AsDeployed, "--mailbox", inside);

            Assert.True(exitCode == 1, output);
            Assert.Contains("[FAILED] Webhook reachable from Graph: Graph takes only an HTTPS webhook URL", output, StringComparison.Ordinal);
            Assert.Contains("NotificationUrl scheme='http' is not supported.", output, StringComparison.Ordinal);
            Assert.Contains("Set App:PublicBaseUrl to the deployment's https:// address", output, StringComparison.Ordinal);
        }
        finally
        {
            await RequireHttpsAsync(false);
        }
    }

    [Fact]
    public async Task Doctor_GraphRefusesTheToken_SaysSo_AndSkipsWhatNeedsIt()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));

        var (exitCode, output) = await deployment.DoctorAsync(new Dictionary<string, string> { ["Graph__EmulatorAccessToken"] = "a-token-graph-never-issued" }, "--mailbox", inside);

        Assert.True(exitCode == 1, output);
        Assert.Contains("[FAILED] Graph token: Graph refused the token (401", output, StringComparison.Ordinal);
        Assert.Contains("https://login.microsoftonline.com/emulator/adminconsent?client_id=", output, StringComparison.Ordinal);
        Assert.Contains("[skipped] Mailbox permission", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_ALifetimeBeyondGraphsMaximum_SaysWhatGraphAllows()
    {
        var inside = await deployment.MailboxAsync(NewAddress("sales"));

        var (exitCode, output) = await deployment.DoctorAsync(new Dictionary<string, string> { ["Graph__SubscriptionLifetimeMinutes"] = "20000" }, "--mailbox", inside);

        Assert.True(exitCode == 1, output);
        Assert.Contains("[FAILED] Subscription lifetime: Graph refuses a lifetime of 20000 minutes", output, StringComparison.Ordinal);
        Assert.Contains("Set Graph:SubscriptionLifetimeMinutes to at most 10080", output, StringComparison.Ordinal);
        Assert.Equal(0, await deployment.SubscriptionsOnAsync(inside));
    }

    [Fact]
    public async Task Doctor_WithoutAMailbox_ChecksTokenAndClock_AndABadFlagIsUsage()
    {
        var (exitCode, output) = await deployment.DoctorAsync(AsDeployed);
        var usage = await deployment.DoctorAsync(AsDeployed, "--color", "blue");

        Assert.True(exitCode == 0, output);
        Assert.Contains("[ok] Graph token", output, StringComparison.Ordinal);
        Assert.Contains("[ok] Clock", output, StringComparison.Ordinal);
        Assert.Contains("[skipped] Webhook reachable from Graph: Give a mailbox", output, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
    }
}
