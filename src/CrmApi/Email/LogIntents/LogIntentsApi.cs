using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Content.Library;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary><c>/api/log-intents/{trackingId}</c>: the pane says, before sending, whether and where an email is logged.</summary>
public static partial class LogIntentsApi
{
    public const int MaxAssociations = 50;
    public const int MaxInserted = 20;

    public static RouteGroupBuilder MapLogIntents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/log-intents").WithTags("Logging");
        group.MapPut("/{trackingId}", PutAsync).WithSummary("Register or change what to do with the email that carries this tracking id");
        group.MapStarts();
        group.MapGet("/{trackingId}", GetAsync).WithSummary("The intent and whether its email is logged yet");
        return api;
    }

    private static async Task<Results<Ok<LogIntentResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string trackingId, LogIntentRequest request, LogIntentStore intents, RecordReader records, ContentLibrary content, IngestionOptions options, CurrentUser user, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CheckTrackingId(errors, trackingId);
        if (request.Log is null)
        {
            errors.Add("log", "Say whether the email is logged (true) or not (false).");
        }
        var associations = request.Associations ?? [];
        if (associations.Count > MaxAssociations)
        {
            errors.Add("associations", $"At most {MaxAssociations} records.");
        }
        if (request.Inserted?.Count > MaxInserted)
        {
            errors.Add("inserted", $"At most {MaxInserted} inserted items.");
        }
        var confirmed = request.ConfirmedClosedTickets ?? [];
        for (var i = 0; i < confirmed.Count; i++)
        {
            if (!associations.Contains(confirmed[i]))
            {
                errors.Add($"confirmedClosedTickets[{i}]", "Confirm only a ticket among the associations.");
            }
        }
        CheckComposeType(errors, request.ComposeType);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await records.IndexOfMissingAsync(user.AccountId, associations, ct) is var missing and >= 0)
        {
            return Problems.NotFound($"associations[{missing}]", "There is no record with this id.");
        }
        var existing = await intents.GetAsync(user.AccountId, trackingId, ct);
        var inserted = existing?.Inserted;
        if (request.Inserted is { } insertedIds)
        {
            // Kept as named now (kind and name): the timeline says what the customer got, even if the item changes later.
            var items = new List<InsertedItem>();
            for (var i = 0; i < insertedIds.Count; i++)
            {
                if (await content.GetAsync(user, insertedIds[i], ct) is not { } item)
                {
                    return Problems.NotFound($"inserted[{i}]", "There is no content item with this id.");
                }
                items.Add(new InsertedItem(item.Kind, item.Name));
            }
            inserted = InsertedItems.ToJson(items.Distinct().ToList());
        }
        var now = clock.GetUtcNow();
        var intent = new LogIntent
        {
            AccountId = user.AccountId,
            TrackingId = trackingId,
            UserId = existing?.UserId ?? user.UserId,
            DoLog = request.Log!.Value,
            RecordIds = JsonSerializer.Serialize(associations.Distinct().ToList()),
            ComposeType = request.ComposeType,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            ExpiresAt = now + options.IntentLifetime,
            EmailId = existing?.EmailId,
            Inserted = inserted,
            ConfirmedClosedTickets = confirmed.Count == 0 ? null : JsonSerializer.Serialize(confirmed.Distinct().ToList()),
            Origin = LogIntentOrigins.Pane,
            StartedFrom = existing?.StartedFrom,
        };
        await intents.SaveAsync(intent, ct);
        return TypedResults.Ok(intent.ToResponse());
    }

    private static async Task<Results<Ok<LogIntentResponse>, ProblemHttpResult>> GetAsync(string trackingId, LogIntentStore intents, CurrentUser user, CancellationToken ct) =>
        await intents.GetAsync(user.AccountId, trackingId, ct) is { } intent
            ? TypedResults.Ok(intent.ToResponse())
            : Problems.NotFound("trackingId", "No intent with this tracking id.");

    /// <summary>The tracking id's rule, for every route that names one.</summary>
    public static void CheckTrackingId(ValidationErrors errors, string trackingId)
    {
        if (!TrackingId().IsMatch(trackingId))
        {
            errors.Add("trackingId", "A tracking id is 1 to 128 letters, digits, '.', '_', ':' or '-'.");
        }
    }

    /// <summary>A compose type, when given, is one Outlook names.</summary>
    public static void CheckComposeType(ValidationErrors errors, string? composeType)
    {
        if (composeType is not null && !ComposeTypes.All.Contains(composeType))
        {
            errors.Add("composeType", $"One of {string.Join(", ", ComposeTypes.All)}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex TrackingId();
}
