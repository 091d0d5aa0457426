using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OutlookCrm.CrmApi.IntegrationTests.Browser;

/// <summary>
/// axe-core (Deque's engine, the one Accessibility Insights runs) on the page as it is: the WCAG 2.1 A and AA rules.
/// Serious and critical findings fail the test with each rule, its help text and the elements at fault.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Impacts = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(violation => Impacts.Contains(violation.Impact)).ToList();
        Assert.True(serious.Count == 0, $"axe found on {where}:\n" + string.Join("\n", serious.Select(violation =>
            $"- {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target.ToString()))}")));
        // The rules did run: a page axe could not read would pass vacuously.
        Assert.NotEmpty(result.Passes);
    }
}
