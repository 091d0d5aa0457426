using Microsoft.Extensions.Configuration;
using OutlookCrm.CrmApi.Platform.Auth;

namespace OutlookCrm.CrmApi.Tests.Auth;

public class PaneSignInTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();

    [Fact]
    public void EntraConfigured_NestedAppAuthForTheApiScope_AnyWorkAccount()
    {
        var config = PaneSignIn.Describe(Settings(("AzureAd:ClientId", "11111111-2222-3333-4444-555555555555"), ("AzureAd:TenantId", "common")),
            new AuthOptions { Audience = "api://addin.contoso.com/11111111-2222-3333-4444-555555555555" });

        Assert.Equal("naa", config.Method);
        Assert.Equal("11111111-2222-3333-4444-555555555555", config.ClientId);
        Assert.Equal("https://login.microsoftonline.com/organizations", config.Authority);
        Assert.Equal(["api://addin.contoso.com/11111111-2222-3333-4444-555555555555/access_as_user"], config.Scopes);
    }

    [Fact]
    public void SingleTenantAndSeparatePaneRegistration_AreHonoured()
    {
        var config = PaneSignIn.Describe(
            Settings(("AzureAd:ClientId", "api-app"), ("AzureAd:TenantId", "contoso.onmicrosoft.com"), ("AzureAd:Instance", "https://login.microsoftonline.us/"), ("Auth:PaneClientId", "spa-app")),
            new AuthOptions());

        Assert.Equal("spa-app", config.ClientId);
        Assert.Equal("https://login.microsoftonline.us/contoso.onmicrosoft.com", config.Authority);
    }

    [Theory]
    [InlineData(true, "dev")]
    [InlineData(false, "none")]
    public void NoEntra_TheDevIssuerWhenEnabled_ElseNone(bool devIssuer, string method)
    {
        var config = PaneSignIn.Describe(Settings(), new AuthOptions { DevIssuer = new DevIssuerOptions { Enabled = devIssuer } });

        Assert.Equal(method, config.Method);
        Assert.Null(config.ClientId);
    }

    [Fact]
    public void TheAdminConsole_SameAppAndScope_ByTheRedirectFlow()
    {
        var settings = Settings(("AzureAd:ClientId", "api-app"), ("AzureAd:TenantId", "contoso.onmicrosoft.com"));
        var pane = PaneSignIn.Describe(settings, new AuthOptions());

        var admin = AdminSignIn.Describe(settings, new AuthOptions());

        Assert.Equal("redirect", admin.Method);
        Assert.Equal(pane.ClientId, admin.ClientId);
        Assert.Equal(pane.Authority, admin.Authority);
        Assert.Equal(pane.Scopes, admin.Scopes);
        Assert.Equal("dev", AdminSignIn.Describe(Settings(), new AuthOptions { DevIssuer = new DevIssuerOptions { Enabled = true } }).Method);
    }
}
