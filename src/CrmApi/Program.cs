using OutlookCrm.CrmApi.Content.Files;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Hosting.Addin;
using OutlookCrm.CrmApi.Hosting.Admin;
using OutlookCrm.CrmApi.Hosting.Api;
using OutlookCrm.CrmApi.Hosting.Commands;
using OutlookCrm.CrmApi.Hosting.Composition;
using OutlookCrm.CrmApi.Hosting.Demo;
using OutlookCrm.CrmApi.Hosting.Emulator;
using OutlookCrm.CrmApi.MailboxSync.Webhooks;
using OutlookCrm.CrmApi.Platform.Audit;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Auth.DevIssuer;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Housekeeping;
using OutlookCrm.CrmApi.Platform.RateLimits;
using OutlookCrm.CrmApi.Privacy.Retention;

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
builder.AddDoctor();
builder.AddRetention();
builder.AddHousekeeping();
builder.AddTelemetry();
builder.AddApiHosting();
builder.AddTenantRateLimit();
builder.AddAddressRateLimit();
builder.AddGraphEmulatorIfConfigured();
builder.AddDemoData();

var app = builder.Build();
if (DoctorCommand.Matches(args))
{
    // The doctor needs what serving needs (sign-in settings for Graph tokens, Graph, the public URL) but serves nothing.
    Environment.ExitCode = await DoctorCommand.RunAsync(app, args);
    return;
}
app.MigrateDatabaseIfConfigured();
await app.SeedDemoDataIfConfiguredAsync();

app.UseTelemetryScraping();
app.UseApiHosting();
app.UseAddin();
app.UseAdminConsole();
app.UseCrmAuth();
app.UseAccountAudit();

app.MapLandingAndHealth();
app.MapApiDocs();
app.MapDevTokens();
app.MapPaneSignIn();
app.MapAdminSignIn();
app.MapAddinManifest();
app.MapPublicContent();
app.MapContentFileDownloads();
app.MapCrmApi();
app.MapGraphWebhooks();
app.MapGraphEmulatorIfConfigured();

app.Run();

// The entry point, public so the integration tests can host the API.
public partial class Program;
