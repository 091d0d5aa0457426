using OutlookCrm.CrmApi.Auth;
using OutlookCrm.CrmApi.Auth.DevIssuer;
using OutlookCrm.CrmApi.Content;
using OutlookCrm.CrmApi.Data;
using OutlookCrm.CrmApi.Demo;
using OutlookCrm.CrmApi.Hosting;
using OutlookCrm.CrmApi.Manifest;
using OutlookCrm.CrmApi.RateLimits;
using OutlookCrm.CrmApi.Retention;
using OutlookCrm.CrmApi.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddCrmCore();
if (Commands.IsCommand(args))
{
    // migrate / onboard-tenant need the database only: they run in a release pipeline without sign-in settings.
    Environment.ExitCode = await Commands.RunAsync(builder.Build(), args);
    return;
}

builder.AddCrmAuth();
builder.AddIngestion();
builder.AddRetention();
builder.AddApiHosting();
builder.AddTenantRateLimit();
builder.AddGraphEmulatorIfConfigured();
builder.AddDemoData();

var app = builder.Build();
app.MigrateDatabaseIfConfigured();
await app.SeedDemoDataIfConfiguredAsync();

app.UseApiHosting();
app.UseAddin();
app.UseCrmAuth();

app.MapLandingAndHealth();
app.MapApiDocs();
app.MapDevTokens();
app.MapPaneSignIn();
app.MapAddinManifest();
app.MapPublicContent();
app.MapContentFileDownloads();
app.MapCrmApi();
app.MapGraphWebhooks();
app.MapGraphEmulatorIfConfigured();

app.Run();

// The entry point, public so the integration tests can host the API.
public partial class Program;
