using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>
/// Logging without the pane: <c>POST /api/log-intents/starts</c> — "Email" on a record (or a timeline's Reply) says
/// what the new message starts with; <c>PUT /api/log-intents/{trackingId}/default</c> — the new message's launch event
/// (OnNewMessageCompose), or a pane that opens on it, registers the default intent under the stamp: the start it claims
/// by the message's recipients, or none. The intent then carries the start until the message is sent (the intent's
/// lifetime), whether or not a pane ever opens; a pane's own choice (a PUT of the intent) replaces it.
/// </summary>
public static class DefaultIntentApi
{
    public static RouteGroupBuilder MapStarts(this RouteGroupBuilder group)
    {
        group.MapPost("/starts", StartAsync).WithSummary("Say what the message about to open starts with: the record, the records picked, reply or forward");
        group.MapPut("/{trackingId}/default", DefaultAsync).WithSummary("Register the default intent of a new message (its launch event), claiming its start; an existing intent stands");
        return group;
    }

    private static async Task<Results<Created<ComposeStartResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        ComposeStartRequest request, ComposeStartStore starts, RecordReader records, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var to = request.To ?? [];
        var cc = request.Cc ?? [];
        var associations = request.Associations ?? [];
        Recipients(errors, to, cc);
        if (associations.Count > LogIntentsApi.MaxAssociations)
        {
            errors.Add("associations", $"At most {LogIntentsApi.MaxAssociations} records.");
        }
        LogIntentsApi.CheckComposeType(errors, request.ComposeType);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (request.StartedFrom is { } origin && await records.IndexOfMissingAsync(user.AccountId, [origin], ct) >= 0)
        {
            return Problems.NotFound("startedFrom", "There is no record with this id.");
        }
        if (await records.IndexOfMissingAsync(user.AccountId, associations, ct) is var missing and >= 0)
        {
            return Problems.NotFound($"associations[{missing}]", "There is no record with this id.");
        }
        var now = clock.GetUtcNow();
        var ids = (request.StartedFrom is { } from ? associations.Prepend(from) : associations).Distinct().ToList();
        var start = new ComposeStart
        {
            AccountId = user.AccountId,
            Id = clock.NewId(),
            UserId = user.UserId,
            RecipientsKey = ComposeStart.KeyOf(to, cc),
            StartedFrom = request.StartedFrom,
            RecordIds = JsonSerializer.Serialize(ids),
            ComposeType = request.ComposeType,
            CreatedAt = now,
        };
        await starts.CreateAsync(start, ct);
        return TypedResults.Created($"/api/log-intents/starts/{start.Id}", new ComposeStartResponse(start.Id, now + ComposeStartStore.ClaimableFor));
    }

    private static async Task<Results<Ok<DefaultIntentResponse>, ValidationProblem>> DefaultAsync(
        string trackingId, DefaultIntentRequest request, LogIntentStore intents, ComposeStartStore starts, RecordReader records, IngestionOptions options, CurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        LogIntentsApi.CheckTrackingId(errors, trackingId);
        Recipients(errors, request.To ?? [], request.Cc ?? []);
        LogIntentsApi.CheckComposeType(errors, request.ComposeType);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var intent = await intents.GetAsync(user.AccountId, trackingId, ct);
        if (intent is null)
        {
            var now = clock.GetUtcNow();
            var start = await starts.ClaimAsync(user.AccountId, user.UserId, ComposeStart.KeyOf(request.To ?? [], request.Cc ?? []), now - ComposeStartStore.ClaimableFor, ct);
            intent = await intents.CreateUnlessPresentAsync(new LogIntent
            {
                AccountId = user.AccountId,
                TrackingId = trackingId,
                UserId = user.UserId,
                DoLog = true,
                RecordIds = start?.RecordIds ?? "[]",
                ComposeType = request.ComposeType ?? start?.ComposeType,
                CreatedAt = now,
                UpdatedAt = now,
                ExpiresAt = now + options.IntentLifetime,
                Origin = LogIntentOrigins.Default,
                StartedFrom = start?.StartedFrom,
            }, ct);
        }
        var named = await records.SummariesAsync(user.AccountId, intent.Records, ct);
        return TypedResults.Ok(new DefaultIntentResponse(intent.ToResponse(), named.FirstOrDefault(record => record.Id == intent.StartedFrom), named));
    }

    /// <summary>As many recipients as Outlook allows on one message is more than a start needs: 500 each, valid addresses.</summary>
    private static void Recipients(ValidationErrors errors, List<string> to, List<string> cc)
    {
        foreach (var (field, list) in new[] { ("to", to), ("cc", cc) })
        {
            if (list.Count > 500)
            {
                errors.Add(field, "At most 500 addresses.");
            }
            for (var i = 0; i < Math.Min(list.Count, 500); i++)
            {
                if (!EmailAddresses.TryNormalize(list[i], out _))
                {
                    errors.Add($"{field}[{i}]", "Not an email address.");
                }
            }
        }
    }
}
