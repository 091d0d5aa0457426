using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Hosting;

public class AddinHostingTests(CrmApiFactory factory)
{
    [Fact]
    public async Task SignInConfig_IsPublic_AndNamesTheApiScope()
    {
        var reply = await factory.CreateClient().GetAsync("/addin/sign-in.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var config = await reply.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        // The test host runs the dev issuer without Entra ID, as Development does.
        Assert.Equal("dev", config.GetProperty("method").GetString());
        Assert.Equal(["api://outlookcrm/access_as_user"], config.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
    }
}
