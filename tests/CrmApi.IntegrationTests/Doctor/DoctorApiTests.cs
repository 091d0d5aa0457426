using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Doctor;

/// <summary><c>GET /api/admin/doctor</c>: the doctor's checks as JSON, against the caller's tenant, for admins only.</summary>
public class DoctorApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Doctor_AnAdmin_GetsEveryCheckAsJson_AndAUserIsRefused()
    {
        var admin = await CrmClient.SignInAsync(factory);
        var user = await CrmClient.SignInAsync(factory, roles: ["Crm.User"]);
        var mailbox = await new Emulator(factory).MailboxAsync();

        var report = await admin.GetAsync($"/api/admin/doctor?mailbox={Uri.EscapeDataString(mailbox)}");
        var refused = await user.GetAsync($"/api/admin/doctor?mailbox={Uri.EscapeDataString(mailbox)}");
        var invalid = await admin.GetAsync("/api/admin/doctor?mailbox=not-an-address");

        Assert.True(report.Status == HttpStatusCode.OK, report.Text);
        Assert.True(report.Json.GetProperty("passed").GetBoolean(), report.Text);
        Assert.Equal(admin.TenantId, report.Json.GetProperty("tenantId").GetString());
        var checks = report.Json.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("check").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal("ok", checks["Graph token"]);
        Assert.Equal("ok", checks["Mailbox permission"]);
        Assert.Equal("skipped", checks["Access scope"]);
        Assert.Equal("ok", checks["Webhook reachable from Graph"]);
        Assert.Equal("ok", checks["Subscription lifetime"]);
        // The in-process test server sends no Date header to compare with; the command's tests run over sockets and check it.
        Assert.Equal("skipped", checks["Clock"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("mailbox", invalid.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }
}
