namespace OutlookCrm.CrmApi.Platform.Common;

public static class Ids
{
    /// <summary>Guid v7 stamped with the injected clock: time-ordered keys, made in C# for both engines.</summary>
    public static Guid NewId(this TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow());
}
