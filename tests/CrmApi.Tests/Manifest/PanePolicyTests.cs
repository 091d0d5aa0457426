using Microsoft.Extensions.Configuration;
using OutlookCrm.CrmApi.Hosting.Addin;

namespace OutlookCrm.CrmApi.Tests.Manifest;

/// <summary>Who may frame the pane and whom it may talk to, as configuration decides.</summary>
public class PanePolicyTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();

    private static string Directive(string policy, string name) =>
        policy.Split("; ").Single(directive => directive.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    [Fact]
    public void Production_FramedByOutlookOnly_NotByItself()
    {
        var policy = new PanePolicy(Settings()).For("abc");

        Assert.Equal("https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://*.cloud.microsoft", Directive(policy, "frame-ancestors"));
        Assert.Equal("'self' 'nonce-abc'", Directive(policy, "style-src"));
    }

    [Fact]
    public void BesideTheEmulator_TheHarnessOriginFramesItToo()
    {
        var policy = new PanePolicy(Settings(("Graph:Emulator", "true"))).For("abc");

        Assert.StartsWith("'self' https://outlook.office.com", Directive(policy, "frame-ancestors"), StringComparison.Ordinal);
    }

    [Fact]
    public void SovereignCloud_ItsOutlookHostsAndItsSignInAuthority()
    {
        var policy = new PanePolicy(Settings(("Addin:FrameAncestors", "https://outlook.office365.us  https://*.example.us"), ("AzureAd:Instance", "https://login.microsoftonline.us/"))).For("abc");

        Assert.EndsWith("https://*.cloud.microsoft https://outlook.office365.us https://*.example.us", Directive(policy, "frame-ancestors"), StringComparison.Ordinal);
        Assert.Equal("'self' https://login.microsoftonline.us https://*.pipe.aria.microsoft.com", Directive(policy, "connect-src"));
        Assert.Equal("'self' https://login.microsoftonline.us", Directive(policy, "frame-src"));
    }

    [Theory]
    [InlineData("http://outlook.example.com")]
    [InlineData("https://outlook.example.com/path")]
    [InlineData("https://outlook.example.com;script-src")]
    [InlineData("'unsafe-inline'")]
    [InlineData("*")]
    public void FrameAncestor_NotAnHttpsOrigin_RefusedAtStartNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PanePolicy(Settings(("Addin:FrameAncestors", value))));

        Assert.Contains("Addin:FrameAncestors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonce_FreshEachTime()
    {
        Assert.NotEqual(PanePolicy.NewNonce(), PanePolicy.NewNonce());
    }
}
