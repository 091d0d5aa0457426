using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OutlookCrm.GraphEmulator;

/// <summary>
/// Wires the emulator into a host. Its routes live under <c>/_emulator</c>: the control API and, under
/// <c>/_emulator/graph/v1.0</c>, the Microsoft Graph surface the product uses (filled in by the ingestion work).
/// </summary>
public static class GraphEmulatorExtensions
{
    public const string RoutePrefix = "/_emulator";

    public static IServiceCollection AddGraphEmulator(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapGraphEmulator(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(RoutePrefix).WithTags("Graph emulator").ExcludeFromDescription();
        group.MapGet("/", () => TypedResults.Ok(new EmulatorInfo("OutlookCrm Graph emulator", $"{RoutePrefix}/graph/v1.0")));
        return endpoints;
    }
}

/// <summary>What the emulator says about itself; tests use it to know the emulator is up.</summary>
public sealed record EmulatorInfo(string Name, string GraphBasePath);
