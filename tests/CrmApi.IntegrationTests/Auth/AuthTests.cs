using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.IntegrationTests.Auth;

public class AuthTests(CrmApiFactory factory)
{
    private Task<Reply> MeWithAsync(string token) => CrmClient.WithToken(factory, token).GetAsync("/api/me");

    private static (string TenantId, string ObjectId) OnboardedUser()
    {
        var tenant = DevTenants.TenantIdForDomain("contoso.com");
        return (tenant, DevTenants.ObjectIdFor(tenant, "alex@contoso.com"));
    }

    [Fact]
    public async Task DevToken_IsAcceptedByTheBearerPipeline()
    {
        var rep = await CrmClient.SignInAsync(factory, "alex@authtests.example.com");

        var me = await rep.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("alex@authtests.example.com", me.Json.GetProperty("email").GetString());
    }

    [Fact]
    public async Task NoToken_Unauthorized()
    {
        var reply = await CrmClient.WithToken(factory, null).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    [Fact]
    public async Task WrongAudience_Unauthorized()
    {
        await CrmClient.SignInAsync(factory, "alex@contoso.com");
        var (tenant, user) = OnboardedUser();
        var token = factory.Services.GetRequiredService<DevTokenIssuer>().Issue(tenant, user, "alex@contoso.com", "Alex", audience: "api://someone-else");

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWithAsync(token)).Status);
    }

    [Fact]
    public async Task Expired_Unauthorized()
    {
        await CrmClient.SignInAsync(factory, "alex@contoso.com");
        var (tenant, user) = OnboardedUser();
        var pastClock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var issuer = new DevTokenIssuer(new AuthOptions { DevIssuer = { KeyPath = factory.DevIssuerKeyPath } }, "/", pastClock);

        var token = issuer.Issue(tenant, user, "alex@contoso.com", "Alex", lifetime: TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWithAsync(token)).Status);
    }

    [Fact]
    public async Task SignedWithAnotherKey_Unauthorized()
    {
        var (tenant, user) = OnboardedUser();
        var keyPath = Path.Combine(Path.GetTempPath(), $"other-key-{Guid.NewGuid():N}.pem");
        try
        {
            var stranger = new DevTokenIssuer(new AuthOptions { DevIssuer = { KeyPath = keyPath } }, "/", TimeProvider.System);

            Assert.Equal(HttpStatusCode.Unauthorized, (await MeWithAsync(stranger.Issue(tenant, user, "alex@contoso.com", "Alex"))).Status);
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task TenantNotOnboarded_Forbidden()
    {
        var token = factory.Services.GetRequiredService<DevTokenIssuer>().Issue(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "eve@elsewhere.example.com", "Eve");

        var reply = await MeWithAsync(token);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Contains("not onboarded", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenWithoutTheApiScope_Forbidden()
    {
        await CrmClient.SignInAsync(factory, "alex@contoso.com");
        var (tenant, user) = OnboardedUser();
        var token = factory.Services.GetRequiredService<DevTokenIssuer>().Issue(tenant, user, "alex@contoso.com", "Alex", scope: "Mail.Read");

        Assert.Equal(HttpStatusCode.Forbidden, (await MeWithAsync(token)).Status);
    }

    /// <summary>
    /// Clock skew between the issuer and this server: within the five minutes JwtBearer (like Entra ID) allows, a token
    /// just expired or not quite valid yet is taken; beyond them it is refused.
    /// </summary>
    [Theory]
    [InlineData("expired 4 minutes ago", -64, 60, HttpStatusCode.OK)]
    [InlineData("expired 6 minutes ago", -66, 60, HttpStatusCode.Unauthorized)]
    // The issuer dates its tokens valid from a minute before it issues them.
    [InlineData("valid from 3 minutes on", 4, 60, HttpStatusCode.OK)]
    [InlineData("valid from 6 minutes on", 7, 60, HttpStatusCode.Unauthorized)]
    public async Task ClockSkew_ToleratedUpToFiveMinutes(string when, int issuedMinutesFromNow, int lifetimeMinutes, HttpStatusCode expected)
    {
        await CrmClient.SignInAsync(factory, "alex@contoso.com");
        var (tenant, user) = OnboardedUser();
        var skewed = new DevTokenIssuer(new AuthOptions { DevIssuer = { KeyPath = factory.DevIssuerKeyPath } }, "/", new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(issuedMinutesFromNow)));

        var token = skewed.Issue(tenant, user, "alex@contoso.com", "Alex", lifetime: TimeSpan.FromMinutes(lifetimeMinutes));

        Assert.True((await MeWithAsync(token)).Status == expected, $"a token {when} was not answered {expected}");
    }

    [Fact]
    public async Task DevToken_InvalidEmail_ProblemNamesEmail()
    {
        var reply = await CrmClient.WithToken(factory, null).PostAsync("/dev/token", """{"email":"not-an-address"}""");

        reply.AssertProblem(HttpStatusCode.BadRequest, "email");
    }
}

public class DevIssuerDisabledTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override bool DevIssuerEnabled => false;
    }

    [Fact]
    public async Task DevToken_WhenDisabled_NotFound()
    {
        await using var factory = new Factory();

        var reply = await CrmClient.WithToken(factory, null).PostAsync("/dev/token", """{"email":"alex@contoso.com"}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }
}

public class DevIssuerInProductionTests
{
    private sealed class Factory : CrmApiFactory
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public async Task Start_DevIssuerEnabledInProduction_Refused()
    {
        await using var factory = new Factory();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("DevIssuer", error.Message, StringComparison.Ordinal);
    }
}
