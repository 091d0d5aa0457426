using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.CrmApi.Hosting.Api;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Tenancy;

/// <summary>
/// Every /api route, read from the app's own endpoint list, has a role decision; each admin route refuses a Crm.User
/// token with a 403 before its handler runs and serves a Crm.Admin one; a token with no role gets nowhere.
/// </summary>
public class RoleSweepTests(CrmApiFactory factory)
{
    private List<(string Method, string Pattern, string? Role)> Routes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, endpoint.RoutePattern.RawText!.TrimEnd('/'), endpoint.Metadata.GetMetadata<RoleDecision>()?.Role)))
            .Distinct()
            .ToList();

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{type}", "contact").Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{trackingId}", "t-roles", StringComparison.Ordinal);

    [Fact]
    public void EveryRoute_HasARoleDecision()
    {
        var undecided = Routes().Where(route => route.Role is null).Select(route => $"{route.Method} {route.Pattern}").ToList();

        Assert.True(undecided.Count == 0, $"routes without a role decision (add them to Hosting/Api/RoleDecisions): {string.Join(", ", undecided)}");
    }

    [Fact]
    public async Task EveryAdminRoute_RefusesAUser403_AndServesAnAdmin()
    {
        // One account: the rep's refusals land in the audit the admin reads.
        var admin = await CrmClient.SignInAsync(factory, roles: ["Crm.Admin"]);
        var rep = await CrmClient.SignInAsync(factory, "seller@" + admin.Email.Split('@')[1], roles: ["Crm.User"]);
        var adminRoutes = Routes().Where(route => route.Role == "Crm.Admin").ToList();
        // What issue 17 names as admin work, whole routes: privacy, retention and logging settings, subscription types,
        // erasure, teams, reprocess and dead letters.
        string[] required =
        [
            "PUT /api/settings/privacy", "PUT /api/settings/logging", "POST /api/subscription-types", "POST /api/contacts/{id}/erase",
            "POST /api/teams", "POST /api/mailboxes/{id}/reprocess", "POST /api/mailboxes/{id}/dead-letters/retry",
        ];
        Assert.Empty(required.Except(adminRoutes.Select(route => $"{route.Method} {route.Pattern}")));

        foreach (var (method, pattern, _) in adminRoutes)
        {
            var path = Concrete(pattern);
            var refused = await rep.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { });
            var served = await admin.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { });

            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{method} {pattern} as Crm.User: {refused.Status}");
            Assert.True(refused.MediaType == "application/problem+json", $"{method} {pattern} as Crm.User: {refused.MediaType}");
            Assert.True(served.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{method} {pattern} as Crm.Admin: {served.Status} {served.Text}");
        }
        // Nothing the rep tried changed anything: the account audit (where every successful admin write lands) has
        // nothing of theirs but refusals.
        var repsLines = (await admin.GetAsync("/api/audit?limit=100")).Json.GetProperty("items").EnumerateArray()
            .Where(line => line.GetProperty("actor").GetString() == rep.Email).Select(line => line.GetProperty("action").GetString()).ToList();
        Assert.NotEmpty(repsLines);
        Assert.All(repsLines, action => Assert.Equal("role.refused", action));
    }

    [Fact]
    public async Task ATokenWithNoRole_Refused()
    {
        var issuer = factory.Services.GetRequiredService<OutlookCrm.CrmApi.Platform.Auth.DevIssuer.DevTokenIssuer>();
        var token = issuer.Issue(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "norole@fabrikam.example.com", "No Role", roles: []);

        var reply = await CrmClient.WithToken(factory, token).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
    }

    [Fact]
    public async Task DevToken_UnknownRole_400NamingRoles()
    {
        var reply = await CrmClient.WithToken(factory, null).PostAsync("/dev/token", new { email = "alex@fabrikam.example.com", roles = new[] { "Crm.God" } });

        reply.AssertProblem(HttpStatusCode.BadRequest, "roles");
    }
}
