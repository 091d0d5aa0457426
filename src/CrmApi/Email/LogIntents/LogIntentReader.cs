namespace OutlookCrm.CrmApi.Email.LogIntents;

/// <summary>What other areas read of a log intent (the compose send check: the records the rep picked in the pane).</summary>
public sealed class LogIntentReader(LogIntentStore intents)
{
    /// <summary>The records picked for the email with this tracking id, or null when the pane registered no intent for it.</summary>
    public async Task<IReadOnlyList<Guid>?> RecordsPickedAsync(Guid accountId, string trackingId, CancellationToken ct) =>
        (await intents.GetAsync(accountId, trackingId, ct))?.Records;
}
