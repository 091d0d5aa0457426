using Microsoft.AspNetCore.Http.HttpResults;
using OutlookCrm.CrmApi.Compose.SendChecks;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Compose.Context;

/// <summary>
/// <c>/api/compose</c>: the legal-basis view of a whole recipient set while the rep writes (nothing is recorded), and
/// the send check Outlook's on-send handler calls (bases consumed, decisions audited).
/// </summary>
public static class ComposeApi
{
    public static RouteGroupBuilder MapCompose(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compose").WithTags("Compose");
        group.MapPost("/context", ContextAsync).WithSummary("Every recipient's matches and legal-basis status, with the fixes on offer");
        group.MapPost("/send-check", SendCheckAsync).WithSummary("May this email be sent? Consumes one-time bases and audits the decision");
        return api;
    }

    private static async Task<Results<Ok<ComposeContextResponse>, ValidationProblem, ProblemHttpResult>> ContextAsync(
        ComposeRequest request, ComposeRequestReader reader, ComposeContext context, CurrentUser user, CancellationToken ct)
    {
        var read = await reader.ReadAsync(request, user, ct);
        if (read.Value is not { } email)
        {
            return read.Errors is { } errors ? Problems.Invalid(errors) : read.Problem()!;
        }
        return TypedResults.Ok(await context.BuildAsync(email, request.From, user, ct));
    }

    private static async Task<Results<Ok<SendCheckResponse>, ValidationProblem, ProblemHttpResult>> SendCheckAsync(
        ComposeRequest request, ComposeRequestReader reader, SendCheck sendCheck, LogIntentReader intents, CurrentUser user, CancellationToken ct)
    {
        var read = await reader.ReadAsync(request, user, ct);
        if (read.Value is not { } email)
        {
            return read.Errors is { } errors ? Problems.Invalid(errors) : read.Problem()!;
        }
        // Outlook's send handler knows only the item; the records the rep picked in the pane, and the closed tickets
        // the rep confirmed, are in the intent of its tracking id (an open ticket among them makes the email
        // transactional for that ticket's contacts).
        if (email.TrackingId is { } trackingId && await intents.PickedInPaneAsync(user.AccountId, trackingId, ct) is { } picked)
        {
            email = email with
            {
                AssociationIds = [.. email.AssociationIds.Union(picked.Records)],
                ConfirmedClosedTickets = [.. email.ConfirmedClosedTickets.Union(picked.ConfirmedClosedTickets)],
            };
        }
        return TypedResults.Ok(await sendCheck.HandleAsync(email, ct));
    }
}
