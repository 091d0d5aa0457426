using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Platform.Auth;
using static OutlookCrm.CrmApi.Email.NeverLog.NeverLogApi;

namespace OutlookCrm.CrmApi.Email.NeverLog;

/// <summary>An email a purge would remove, as the preview shows it: subject and date, never the body.</summary>
public sealed record PurgeSample
{
    public required Guid Id { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset SentAt { get; init; }
}

/// <summary>
/// <c>GET /api/never-log/preview?value=&amp;scope=</c>: what adding the entry would purge, before the caller confirms.
/// The same rules as adding it (<see cref="NeverLogDrafts"/>): the same refusals, the same emails; nothing is written.
/// </summary>
public static class NeverLogPreviewApi
{
    private const int SampleSize = 5;

    // The sample is taken among this many of the matching emails: enough to show recent ones, within any IN list limit.
    private const int SampleAmong = 500;

    /// <summary><c>restorableForDays</c>: how long a purge can be undone (<c>POST /api/never-log/{id}/restore</c>).</summary>
    public sealed record NeverLogPreview(NeverLogResponse Entry, int WouldPurge, IReadOnlyList<PurgeSample> Sample, int RestorableForDays);

    public static async Task<Results<Ok<NeverLogPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string? value, string? scope, NeverLogDrafts drafts, NeverLogStore store, CurrentUser user, CancellationToken ct)
    {
        var draft = await drafts.DraftAsync(user, new NeverLogRequest(value, scope, ConfirmPurge: null), ct);
        if (draft.Value is not { } made)
        {
            return draft.Errors is { } errors ? Platform.Common.Problems.Invalid(errors) : draft.Problem()!;
        }
        var sample = await store.GetSampleAsync(user.AccountId, made.Matching.Take(SampleAmong).ToList(), SampleSize, ct);
        return TypedResults.Ok(new NeverLogPreview(ToResponse(made.Entry), made.Matching.Count, sample, (int)NeverLogPurge.RestorableFor.TotalDays));
    }
}
