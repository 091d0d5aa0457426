using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace OutlookCrm.CrmApi.Hosting.Api;

/// <summary>The OpenAPI document (always) and the browsable API page (Development only).</summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/scalar/v1";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OutlookCrm API";
            document.Info.Description = "The CRM beside every Outlook message. Every call needs a bearer token; in Development get one from POST /dev/token.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An Entra ID access token for the API's scope (or a development token).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(options => options.WithTitle("OutlookCrm API"));
        }
        return app;
    }
}
