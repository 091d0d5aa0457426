using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;
using OutlookCrm.CrmApi.Platform.Accounts;

namespace OutlookCrm.CrmApi.IntegrationTests.Auth;

/// <summary>Issue 17: outside Development, <c>/dev/token</c> issues tokens for tenants that have an account, and onboards none.</summary>
public class DevTokenOnboardingTests
{
    private sealed class TestingWithoutOnboarding : CrmApiFactory
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("Auth:DevIssuer:OnboardTenants", "false")];
    }

    [Fact]
    public async Task InTesting_AnUnknownTenant_IsRefusedNamingTenantId_AndAnOnboardedOneIsServed()
    {
        await using var factory = new TestingWithoutOnboarding();
        await factory.InitializeAsync();
        var anonymous = CrmClient.WithToken(factory, null);

        var unknown = await anonymous.PostAsync("/dev/token", new { email = "someone@never-onboarded.example.com" });
        await factory.Services.GetRequiredService<AccountOnboarding>().OnboardAsync(
            OutlookCrm.CrmApi.Platform.Auth.DevIssuer.DevTenants.TenantIdForDomain("onboarded.example.com"), "onboarded.example.com", CancellationToken.None);
        var known = await anonymous.PostAsync("/dev/token", new { email = "someone@onboarded.example.com" });

        unknown.AssertProblem(HttpStatusCode.BadRequest, "tenantId");
        Assert.Null(await factory.Services.GetRequiredService<AccountStore>().GetByTenantIdAsync(
            OutlookCrm.CrmApi.Platform.Auth.DevIssuer.DevTenants.TenantIdForDomain("never-onboarded.example.com"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, known.Status);
    }
}
