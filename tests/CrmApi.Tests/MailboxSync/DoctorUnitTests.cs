using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Moq;
using OutlookCrm.CrmApi.MailboxSync.Doctor;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.Tests.MailboxSync;

/// <summary>The doctor's rules that need no Graph: the clock, the token's roles, Entra's and Graph's refusals in words.</summary>
public class DoctorUnitTests
{
    private static readonly DoctorSettings Settings = new("11111111-2222-3333-4444-555555555555", "https://crm.contoso.com", Emulator: false);

    private static DoctorVisit VisitWithGraphDate(DateTimeOffset? graphDate) =>
        new(new DoctorRequest("contoso", null, null), () => Mock.Of<IGraphMail>()) { GraphDate = graphDate };

    [Fact]
    public async Task Clock_FiveMinutesAheadOfGraph_FailsWithTheNtpFix_AndAMinuteIsFine()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

        var skewed = await new ClockCheck(clock).RunAsync(VisitWithGraphDate(clock.GetUtcNow().AddMinutes(-5)), TestContext.Current.CancellationToken);
        var close = await new ClockCheck(clock).RunAsync(VisitWithGraphDate(clock.GetUtcNow().AddMinutes(1)), TestContext.Current.CancellationToken);
        var unknown = await new ClockCheck(clock).RunAsync(VisitWithGraphDate(null), TestContext.Current.CancellationToken);

        Assert.Equal(DoctorFinding.Failing, skewed.Status);
        Assert.Equal("This machine's clock is 300 s ahead of Graph's.", skewed.Summary);
        Assert.Contains("w32tm /resync", skewed.Fix, StringComparison.Ordinal);
        Assert.Equal(DoctorFinding.Passed, close.Status);
        Assert.Equal(DoctorFinding.NotRun, unknown.Status);
    }

    [Fact]
    public void Roles_OfAnAppOnlyJwt_AreRead_AndAnythingElseIsNotAJwt()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"{Part("{\"alg\":\"none\"}")}.{Part("{\"roles\":[\"Mail.Read\"],\"tid\":\"t\"}")}.signature";

        Assert.Equal(["Mail.Read"], TokenCheck.Roles(token));
        Assert.Empty(TokenCheck.Roles($"{Part("{}")}.{Part("{\"tid\":\"t\"}")}.s")!);
        Assert.Null(TokenCheck.Roles("emulator-access-token"));
    }

    [Theory]
    [InlineData("AADSTS7000215: Invalid client secret provided.", "client secret is wrong or expired")]
    [InlineData("AADSTS700027: Client assertion failed signature validation.", "certificate in AzureAd:ClientCredentials")]
    [InlineData("AADSTS700016: Application with identifier '1111' was not found in the directory 'contoso'.", "https://login.microsoftonline.com/contoso/adminconsent?client_id=11111111-2222-3333-4444-555555555555")]
    [InlineData("AADSTS90002: Tenant 'contoso' not found.", "--tenant")]
    public void TokenFailures_EachEntraCode_NamesTheSettingToChange(string message, string fix)
    {
        var (summary, said) = TokenFailures.Describe(new MsalServiceException("invalid_client", message), "contoso", Settings);

        Assert.Contains(message, summary, StringComparison.Ordinal);
        Assert.Contains(fix, said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "ValidationError", "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.", "Graph could not validate the webhook URL", "App Service Authentication")]
    [InlineData(400, "ValidationError", "Subscription validation request timed out.", "Graph's validation call to the webhook timed out", "Always On")]
    [InlineData(400, "ValidationError", "Subscription validation request failed. Response must exactly match validationToken query parameter.", "Something changed the webhook's validation answer on its way to Graph", "rewrote it")]
    [InlineData(400, "InvalidRequest", "NotificationUrl scheme='http' is not supported.", "Graph takes only an HTTPS webhook URL", "https://")]
    [InlineData(403, "ErrorAccessDenied", "Access to OData is disabled.", "Microsoft 365 does not let the app subscribe to this mailbox", "up to 2 hours")]
    [InlineData(400, "InvalidRequest", "Subscription expiration can only be 4230 minutes in the future.", "Graph refuses the subscription lifetime", "at most 4230")]
    public void SubscriptionFailures_EachRefusal_InWordsWithTheFix(int status, string code, string message, string title, string fix)
    {
        var error = new ODataError { ResponseStatusCode = status, Error = new MainError { Code = code, Message = message } };

        var failure = SubscriptionFailures.Describe(error);

        Assert.NotNull(failure);
        Assert.Equal(title, failure.Title);
        Assert.Contains(message, failure.Detail, StringComparison.Ordinal);
        Assert.Contains(fix, failure.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscriptionFailures_NotAGraphRefusal_IsNotDescribed() =>
        Assert.Null(SubscriptionFailures.Describe(new InvalidOperationException("a bug")));
}
