using System.Text;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.MailboxSync.Webhooks;

/// <summary>
/// <c>/webhooks/graph</c> and <c>/webhooks/graph/lifecycle</c>, Graph's side of the contract: the validation echo as
/// text/plain 200; batches verified, written to the durable inbox and answered 202 in milliseconds; 400 for a body that
/// is not a notification batch, 413 past the size limit or the item cap, 429 past the per-address rate, 503 when the
/// inbox cannot be written (so Graph retries).
/// </summary>
public static class GraphWebhookApi
{
    public static IEndpointRouteBuilder MapGraphWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks/graph").AllowAnonymous().ExcludeFromDescription()
            .RequireRateLimiting(WebhookRateLimit.Policy)
            .WithMetadata(new OwnBodyLimit());
        webhooks.MapPost("/", (HttpContext http, WebhookIntake intake, WebhookCounters counters, IngestionOptions options) =>
            ReceiveAsync(http, intake, counters, options, intake.AcceptChangesAsync));
        webhooks.MapPost("/lifecycle", (HttpContext http, WebhookIntake intake, WebhookCounters counters, IngestionOptions options) =>
            ReceiveAsync(http, intake, counters, options, intake.AcceptLifecycleAsync));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, WebhookIntake intake, WebhookCounters counters, IngestionOptions options, Func<IReadOnlyList<IncomingNotification>, CancellationToken, Task> accept)
    {
        // The validation handshake: the token, URL-decoded, as text/plain (Results.Ok would JSON-quote it and fail).
        if (http.Request.Query.TryGetValue("validationToken", out var validationToken))
        {
            return Results.Text(validationToken.ToString(), "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }
        var body = await RequestBodies.ReadLimitedAsync(http.Request, options.WebhookMaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            counters.CountOversized();
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Notification batch too large");
        }
        if (!NotificationParser.TryParse(body.Value, out var items, out var skipped))
        {
            counters.CountMalformed();
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Graph notification batch",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = ["Expected {\"value\": [...]}."] } });
        }
        if (intake.OverCap(items.Count + skipped))
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many notifications in one batch",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["value"] = [$"At most {options.WebhookMaxItemsPerBatch} items."] } });
        }
        for (var i = 0; i < skipped; i++)
        {
            counters.CountMalformed();
        }
        // Graph counts a notification answered after about 3 s as failed, and slows or drops a slow endpoint: a
        // database that cannot take the batch by then gets a quick 503 (Graph delivers it again), never a late 202.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(options.WebhookWriteBudget);
        try
        {
            await accept(items, budget.Token);
        }
        catch (Exception error) when (error is System.Data.Common.DbException
            || (error is OperationCanceledException && budget.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested))
        {
            // Not persisted: a 5xx makes Graph deliver the batch again.
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The notification inbox is unavailable");
        }
        return Results.Accepted();
    }
}
