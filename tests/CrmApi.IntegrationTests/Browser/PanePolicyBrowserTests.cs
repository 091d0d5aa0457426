using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// The pane under its real Content-Security-Policy: Fluent UI's run-time styles carry the answer's nonce and apply, and
/// what an attacker would inject (an inline script, a style element without the nonce) is refused and reported. Every
/// other browser test also fails on any refusal (<see cref="PaneTest.RunAsync"/>).
/// </summary>
public class PanePolicyBrowserTests
{
    [Fact]
    public async Task Pane_FluentStylesApplyUnderThePolicy_AndInjectedScriptOrStyleIsRefused()
    {
        await using var test = await PaneTest.StartAsync();

        await BrowserSession.WithScreenshotOnFailureAsync(test.Page, nameof(Pane_FluentStylesApplyUnderThePolicy_AndInjectedScriptOrStyleIsRefused), async () =>
        {
            await test.OpenComposeAsync("megan@fabrikam.com");
            await Assertions.Expect(test.Row("megan@fabrikam.com")).ToBeVisibleAsync();
            test.Session.AssertNothingRefused();

            var pane = test.Page.Frames.Single(frame => frame.Url.Contains("/addin/index.html", StringComparison.Ordinal));
            // Griffel's rules were inserted (a style element with the nonce, holding rules) and are in effect.
            var styled = await pane.EvaluateAsync<bool>("() => [...document.querySelectorAll('style[data-make-styles-bucket]')].some(s => s.nonce !== '' && s.sheet.cssRules.length > 0)");
            Assert.True(styled, "Griffel's style elements carry no nonce or hold no rules");
            var font = await pane.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.fui-FluentProvider')).fontFamily");
            Assert.Contains("Segoe UI", font, StringComparison.Ordinal);

            // Resolves once the browser has reported both refusals: no waiting for something not to happen.
            var refused = await pane.EvaluateAsync<string[]>("""
                () => new Promise((resolve) => {
                  const seen = [];
                  document.addEventListener("securitypolicyviolation", (e) => {
                    seen.push(e.effectiveDirective);
                    if (seen.length === 2) resolve(seen.concat([String(window.injected), getComputedStyle(document.body).display]));
                  });
                  window.injected = false;
                  const script = document.createElement("script");
                  script.textContent = "window.injected = true";
                  document.body.append(script);
                  const style = document.createElement("style");
                  style.textContent = "body { display: none }";
                  document.head.append(style);
                })
                """);
            Assert.Equal(["script-src-elem", "style-src-elem", "false"], refused[..3]);
            Assert.NotEqual("none", refused[3]);
            // The collector every browser test ends with saw them too.
            int Reported() => test.Session.PolicyViolations.Count(violation => violation.Contains("-src-elem refused inline", StringComparison.Ordinal));
            for (var i = 0; i < 100 && Reported() < 2; i++)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
            Assert.Equal(2, Reported());
        });
    }
}
