namespace OutlookCrm.CrmApi.IntegrationTests.Architecture;

/// <summary>
/// What still breaks the floor plan, as it is today (issue 15 removes it entry by entry). The architecture tests leave
/// these out and fail on anything new, and on any entry that is no longer true, so the lists only shrink. The direction
/// they go against is docs/architecture.md's: Platform ← Crm ← Privacy ← MailboxSync ← Content ← Email ← Compose ← Hosting.
/// </summary>
public static class KnownDebt
{
    public static IReadOnlyList<(string From, string To)> AreaEdges { get; } =
    [
    ];

    public static IReadOnlyList<(string From, string To)> ConceptEdges { get; } =
    [
    ];

    public static IReadOnlyList<string> DapperOutsideStores { get; } = [];

    public static IReadOnlyList<string> SqlOfOtherFolders { get; } =
    [
    ];

    public static IReadOnlyList<string> EndpointsUsingForeignStores { get; } =
    [
    ];

    public static IReadOnlyList<string> LongFiles { get; } =
    [
    ];
}
