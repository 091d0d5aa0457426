using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Doctor;

/// <summary>
/// What stands in front of a webhook in a real deployment and answers Graph's validation call in the app's place: App
/// Service Authentication (401 with a challenge), a redirect (as HTTPS redirection answers: 307 to the same path on
/// the real app, which would echo the token if followed), or a front end that never answers in time (a cold start). A real HTTP server on loopback: Graph's (the emulator's) validation call
/// reaches it as it would reach the real thing.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    public const string Challenge = "challenge";
    public const string Redirect = "redirect";
    public const string Silent = "silent";

    private readonly WebApplication _app;

    private FrontDoor(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<FrontDoor> StartAsync(string behaviour, string app)
    {
        var baseUrl = $"http://127.0.0.1:{ProcessHost.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        var door = builder.Build();
        door.Run(async context =>
        {
            switch (behaviour)
            {
                case Challenge:
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer realm=\"crm.contoso.com\" authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"";
                    break;
                case Redirect:
                    context.Response.Redirect($"{app}{context.Request.Path}{context.Request.QueryString}", permanent: false, preserveMethod: true);
                    break;
                default:
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    break;
            }
        });
        await door.StartAsync();
        return new FrontDoor(door, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
