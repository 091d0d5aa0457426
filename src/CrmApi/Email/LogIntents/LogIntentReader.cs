namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>What the rep chose in the pane for one email: the records it is logged to, and the closed tickets among them it concerns.</summary>
public sealed record PickedInPane(IReadOnlyList<Guid> Records, IReadOnlyList<Guid> ConfirmedClosedTickets);

/// <summary>What other areas read of a log intent (the compose send check: what the rep picked in the pane).</summary>
public sealed class LogIntentReader(LogIntentStore intents)
{
    /// <summary>What was picked for the email with this tracking id, or null when the pane registered no intent for it.</summary>
    public async Task<PickedInPane?> PickedInPaneAsync(Guid accountId, string trackingId, CancellationToken ct) =>
        await intents.GetAsync(accountId, trackingId, ct) is { } intent ? new PickedInPane(intent.Records, intent.ClosedTicketsConfirmed) : null;
}
