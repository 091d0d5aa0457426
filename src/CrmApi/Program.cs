using OutlookCrm.CrmApi.Auth;
using OutlookCrm.CrmApi.Auth.DevIssuer;
using OutlookCrm.CrmApi.Data;
using OutlookCrm.CrmApi.Demo;
using OutlookCrm.CrmApi.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddCrmAuth();
builder.AddCrmCore();
builder.AddApiHosting();
builder.AddGraphEmulatorIfConfigured();
builder.AddDemoData();

var app = builder.Build();
if (await app.TryRunCommandAsync(args))
{
    return;
}

app.MigrateDatabaseIfConfigured();
await app.SeedDemoDataIfConfiguredAsync();

app.UseApiHosting();
app.UseAddin();
app.UseAuthentication();
app.UseAuthorization();

app.MapLandingAndHealth();
app.MapApiDocs();
app.MapDevTokens();
app.MapCrmApi();
app.MapGraphEmulatorIfConfigured();

app.Run();

// The entry point, public so the integration tests can host the API.
public partial class Program;
