using OutlookCrm.GraphEmulator.Faults;

namespace OutlookCrm.GraphEmulator.Endpoints;

/// <summary>The control routes of Graph's request-rate limits (see <see cref="ThrottlingWindows"/>; docs/emulator.md).</summary>
public static class ThrottlingEndpoints
{
    public static IResult Apply(ThrottlingRequest request, ThrottlingWindows windows)
    {
        windows.Apply(request);
        return Results.Json(windows.Snapshot());
    }

    public static IResult Clear(ThrottlingWindows windows)
    {
        windows.Clear();
        return Results.NoContent();
    }

    public static IResult Get(ThrottlingWindows windows) => Results.Json(windows.Snapshot());
}
