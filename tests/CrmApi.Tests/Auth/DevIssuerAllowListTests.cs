using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;

namespace OutlookCrm.CrmApi.Tests.Auth;

public class DevIssuerAllowListTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("development")]
    public void Refusal_DevelopmentOrTestingWithoutEntra_None(string environment) =>
        Assert.Null(DevIssuerAllowList.Refusal(environment, entraConfigured: false));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("UAT")]
    [InlineData("Prod")]
    [InlineData("")]
    public void Refusal_AnyOtherEnvironment_NamesTheSetting(string environment) =>
        Assert.StartsWith($"Auth:DevIssuer:Enabled is refused in the '{environment}' environment", DevIssuerAllowList.Refusal(environment, entraConfigured: false), StringComparison.Ordinal);

    [Fact]
    public void Refusal_BesideEntraId_EvenInDevelopment() =>
        Assert.StartsWith("Auth:DevIssuer:Enabled is refused while AzureAd:ClientId is set", DevIssuerAllowList.Refusal("Development", entraConfigured: true), StringComparison.Ordinal);
}
