using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

public static class RouteTable
{
    /// <summary>Every /api route the app maps, from its own endpoint list: sweeps cover new routes without edits.</summary>
    public static IEnumerable<(string Method, string Pattern)> ApiRoutes(this CrmApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, endpoint.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct();

    /// <summary>The /api routes that read a JSON body (those without one ignore whatever is sent).</summary>
    public static IEnumerable<(string Method, string Pattern)> ApiRoutesWithJsonBodies(this CrmApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Select(method => (method, endpoint.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct();
}
