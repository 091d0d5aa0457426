using System.Net;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Logging;

public class LogIntentsTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Put_RecordsCheckedInOrder_TheFirstMissingNamed_RepeatsKeptOnce()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var contoso = await rep.CreateAsync("company", new { name = "Contoso" });

        var missing = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-records", new { log = true, associations = new[] { contoso, contoso, Guid.NewGuid(), Guid.NewGuid() } });
        var saved = await rep.SendAsync(HttpMethod.Put, "/api/log-intents/t-records", new { log = true, associations = new[] { contoso, contoso } });

        missing.AssertProblem(HttpStatusCode.NotFound, "associations[2]");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal([contoso], saved.Json.GetProperty("associations").EnumerateArray().Select(id => id.GetGuid()));
    }
}
