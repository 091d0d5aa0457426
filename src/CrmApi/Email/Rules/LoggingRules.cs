using System.Data.Common;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.FlowCounters;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Ingestion;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;
using OutlookCrm.CrmApi.Platform.Telemetry;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>The decision for one message: the records to log it to and why, or why not.</summary>
public sealed record LoggingDecision(IReadOnlyList<Guid> Records, string Because, string? TrackingId, LogIntent? Intent);

/// <summary>
/// Decides whether a message seen in a connected mailbox goes on timelines, to which records and why — strongest rule
/// first, each recorded in <c>loggedBecause</c> and in the message's outcome: the pane's intent (<see cref="TrackingStamp"/>);
/// a reply or forward of a logged email, or its conversation in the same mailbox (<see cref="ThreadMatching"/>). No
/// subject matching. Bulk mail, internal-only branches, never-log addresses and <c>log:false</c> keep mail off the
/// timelines (<see cref="LoggingGate"/>). One email row per Internet Message-ID per account: a second mailbox's copy is a
/// sighting, and its intent's records are merged in.
/// </summary>
public sealed class LoggingRules(
    Db db, LogIntentStore intents, EmailWriter writer, ThreadStore threads, OutcomeStore outcomes, LoggingGate gate, InternalAddresses internalAddresses,
    HelpdeskTickets helpdesk, UnknownRecipients unknownRecipients, InheritedStamps inheritedStamps, ISentMailAccounting sentMail, TimeProvider clock) : IMessageHandler
{
    /// <summary>How many times a colleague's copy waits for the sender's own copy to be decided first.</summary>
    public const int MaxWaitsForSendersCopy = 5;

    public static readonly TimeSpan WaitForSendersCopy = TimeSpan.FromSeconds(1);

    public async Task<HandlerOutcome> HandleAsync(ConnectedMailbox mailbox, string folder, FetchedMessage message, int attempt, MessageReads reads, CancellationToken ct)
    {
        if (message.IsDraft)
        {
            return new("draft: not sent");
        }
        if (message.InternetMessageId.Length == 0)
        {
            return new("not logged: the message has no Message-ID");
        }
        var outgoing = folder == WatchedFolders.SentItems;
        var (trackingId, method) = await TrackingStamp.FindAsync(message, outgoing, reads.MimeHeaders, ct);
        // Another email's stamp, carried over by a classic Outlook forward: this message is that email's forward, not it.
        var stampParent = trackingId is null ? null : await inheritedStamps.ParentAsync(mailbox.AccountId, trackingId, message.InternetMessageId, ct);
        trackingId = stampParent is null ? trackingId : null;
        var intent = trackingId is null ? null : await intents.GetAsync(mailbox.AccountId, trackingId, ct);
        if (intent is not null && intent.ExpiresAt < clock.GetUtcNow())
        {
            intent = null;
        }
        // Before any rule may keep it off the timelines: a send is accounted for whether or not it is logged.
        await sentMail.AccountAsync(new MailboxCopy(mailbox, outgoing, message, trackingId, intent), ct);
        var seen = new Sighting(mailbox, folder, message, intent, trackingId);
        var known = await threads.GetEmailsByMessageIdsAsync(mailbox.AccountId, [message.InternetMessageId], ct);
        if (known.Count > 0)
        {
            return new(await SeenAgainAsync(seen, known[0].Id, ct));
        }
        var (decision, refusal) = await gate.DecideAsync(mailbox, outgoing, message, intent, trackingId, method, stampParent, reads.MimeHeaders, ct);
        if (decision is null)
        {
            // A colleague's copy of mail sent from another connected mailbox: that mailbox's Sent Items copy carries
            // the intent, so it is decided first and this copy becomes a sighting.
            if (!outgoing && attempt <= MaxWaitsForSendersCopy && await internalAddresses.IsConnectedMailboxAsync(mailbox.AccountId, EmailAddresses.Normalize(message.From.Address), ct))
            {
                return new("waiting for the sender's own copy", WaitForSendersCopy);
            }
            return new(await NotLoggedAsync(seen, refusal!, ct));
        }
        decision = await helpdesk.WithTicketAsync(mailbox, outgoing, message, decision, ct);
        decision = await unknownRecipients.WithNewContactsAsync(mailbox, outgoing, message, decision, ct);
        if (decision.Records.Count == 0)
        {
            return new(await NotLoggedAsync(seen, "no records to log it to", ct));
        }
        // Sent while the send-time legal-basis check could not answer (Outlook let it go): said where it is read, on the timeline.
        var because = outgoing && TrackingStamp.ReviewReason(message) is { } review
            ? $"{decision.Because}; REVIEW: sent without the legal-basis check ({review})"
            : decision.Because;
        var email = NewEmail.Of(mailbox.AccountId, message, MessageKind.Of(intent, message, stampParent is not null), outgoing, because, decision.Records) with
        {
            Attachments = message.HasAttachments ? await reads.Attachments(ct) : null,
            Inserted = intent?.InsertedItems,
        };
        var result = await LogAsync(email, seen, because, ct);
        if (result is WriteEmailResult.UnknownRecords unknown)
        {
            // Records deleted since the intent or the thread was logged: log to those that remain.
            result = await LogAsync(email with { RecordIds = decision.Records.Except(unknown.RecordIds).ToList() }, seen, because, ct);
        }
        switch (result)
        {
            case WriteEmailResult.Logged logged:
                await helpdesk.AssociateThreadAsync(mailbox, message, decision, logged.EmailId, ct);
                return new($"logged: {because}");
            case WriteEmailResult.AlreadyLogged already:
                // Another mailbox's copy was logged a moment before this one.
                var again = await SeenAgainAsync(seen, already.EmailId, ct);
                await helpdesk.AssociateThreadAsync(mailbox, message, decision, already.EmailId, ct);
                return new(again);
            default:
                return new(await NotLoggedAsync(seen, "its records no longer exist", ct));
        }
    }

    /// <summary>One mailbox's copy of a message, with the intent it carries: what is recorded beside the email.</summary>
    private sealed record Sighting(ConnectedMailbox Mailbox, string Folder, FetchedMessage Message, LogIntent? Intent, string? TrackingId);

    /// <summary>The email, this mailbox's sighting, the intent's link, the one-time bases it used and the outcome land together.</summary>
    private async Task<WriteEmailResult> LogAsync(NewEmail email, Sighting seen, string because, CancellationToken ct)
    {
        var prepared = await writer.PrepareAsync(email, ct);
        if (prepared is not WriteEmailResult.Ready ready)
        {
            return prepared;
        }
        using var activity = CrmTelemetry.Source.StartActivity("email.store");
        try
        {
            await db.InTransactionAsync(async transaction =>
            {
                await EmailWriter.StoreAsync(transaction, ready.Email, ct);
                await RecordSeenAsync(transaction, seen, ready.Email.Id, [], because, ct);
                await FlowCounterStore.AddAsync(transaction, db.Provider, [FlowHour.Logged(seen.Mailbox.AccountId, seen.Mailbox.Id, clock.GetUtcNow())], ct);
            }, ct);
            CrmTelemetry.EmailsLogged.Add(1);
            return new WriteEmailResult.Logged(ready.Email.Id);
        }
        catch (DbException)
        {
            if (await writer.LoggedFirstAsync(ready.Email, ct) is { } raced)
            {
                return raced;
            }
            throw;
        }
    }

    /// <summary>
    /// The writes that go with a logged email in the transaction that logs it, or that adds this mailbox's copy (and the
    /// records <paramref name="joining"/> it) to an email already logged.
    /// </summary>
    private async Task RecordSeenAsync(DbTransaction transaction, Sighting seen, Guid emailId, IReadOnlyCollection<Guid> joining, string because, CancellationToken ct)
    {
        var (mailbox, folder, message, intent, trackingId) = seen;
        var now = clock.GetUtcNow();
        await ThreadStore.AddSightingAsync(transaction, mailbox.AccountId, emailId, mailbox.Id, folder, message.Id, message.ConversationId, now, ct);
        await ThreadStore.AddAssociationsAsync(transaction, mailbox.AccountId, emailId, joining, now, ct);
        if (trackingId is not null && intent is { DoLog: true })
        {
            await LogIntentStore.SetEmailAsync(transaction, mailbox.AccountId, trackingId, emailId, ct);
            await PrivacyStore.ConsumeReservedBasesAsync(transaction, mailbox.AccountId, trackingId, intent.UserId, now, ct);
        }
        await OutcomeStore.SaveOutcomeAsync(transaction, Outcome(seen, OutcomeKinds.Logged, because, emailId), ct);
    }

    /// <summary>This mailbox's copy of an email already logged: its sighting, and its intent's records added.</summary>
    private async Task<string> SeenAgainAsync(Sighting seen, Guid emailId, CancellationToken ct)
    {
        var joining = seen.Intent is { DoLog: true } ? seen.Intent.Records : [];
        await db.InTransactionAsync(transaction => RecordSeenAsync(transaction, seen, emailId, joining, "already logged: seen in this mailbox too", ct), ct);
        return "already logged: sighting recorded";
    }

    private async Task<string> NotLoggedAsync(Sighting seen, string reason, CancellationToken ct)
    {
        await outcomes.SaveOutcomeAsync(Outcome(seen, OutcomeKinds.NotLogged, reason, null), ct);
        return $"not logged: {reason}";
    }

    private MessageOutcome Outcome(Sighting seen, string outcome, string reason, Guid? emailId) => new()
    {
        AccountId = seen.Mailbox.AccountId,
        InternetMessageId = seen.Message.InternetMessageId,
        MailboxId = seen.Mailbox.Id,
        TrackingId = seen.TrackingId,
        Outcome = outcome,
        Reason = reason,
        EmailId = emailId,
        DecidedAt = clock.GetUtcNow(),
    };
}
