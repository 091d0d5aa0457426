using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace OutlookCrm.CrmApi.Hosting.Api;

public static class HostingExtensions
{
    /// <summary>JSON rules, RFC 9457 problem details for every error, the OpenAPI document, and the browser-facing headers.</summary>
    public static WebApplicationBuilder AddApiHosting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // A misspelt member is an error the caller sees, not a value silently dropped.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.MaxDepth = 32;
        });
        // Bad bodies throw so BadRequestExceptionHandler can name the field (the default only logs them).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.AddApiDocs();
        builder.AddSecurityHeaders();
        // Its request lines print whole URLs, query strings included (addresses): RequestLog writes them without.
        builder.Logging.AddFilter(RequestLog.FrameworkRequestCategory, LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseApiHosting(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseMiddleware<RequestLog>();
        app.UseExceptionHandler();
        // Empty error answers (401 from JwtBearer, unknown routes, 405) get a problem details body too.
        app.UseStatusCodePages();
        app.UseMiddleware<JsonBodyLimit>();
        return app;
    }
}
