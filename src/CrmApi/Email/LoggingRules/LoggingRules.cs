using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Privacy.LegalBasis;

namespace OutlookCrm.CrmApi.Email.LoggingRules;

/// <summary>The further Graph reads a rule may need, made through the mailbox's gate by the caller.</summary>
public sealed record MessageReads(
    Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> MimeHeaders,
    Func<CancellationToken, Task<IReadOnlyList<AttachmentInfo>>> Attachments);

/// <summary>What the worker does with the inbox row: finished with a reason, or asked again later.</summary>
public sealed record RuleOutcome(string Reason, TimeSpan? AskAgainIn = null);

/// <summary>The decision for one message: the records to log it to and why, or why not.</summary>
public sealed record LoggingDecision(IReadOnlyList<Guid> Records, string Because, string? TrackingId, LogIntent? Intent);

/// <summary>
/// Decides whether a message seen in a connected mailbox goes on timelines, to which records and why — strongest rule
/// first, each recorded in <c>loggedBecause</c> and in the message's outcome: the pane's intent (tracking id in the
/// add-in's custom property, else the raw MIME header); a reply or forward of a logged email (In-Reply-To, References);
/// the conversation of a logged email in the same mailbox. No subject matching. Bulk mail, internal-only branches,
/// never-log addresses and <c>log:false</c> keep mail off the timelines. One email row per Internet Message-ID per
/// account: a second mailbox's copy is a sighting, and its intent's records are merged in.
/// </summary>
public sealed partial class LoggingRules(
    LogIntentStore intents, EmailWriter writer, LoggingStore store, NeverLogStore neverLogStore, HelpdeskTickets helpdesk, UnknownRecipients unknownRecipients,
    TimeProvider clock)
{
    public const string TrackingHeader = "x-outlookcrm-tracking";

    /// <summary>How many times a colleague's copy waits for the sender's own copy to be decided first.</summary>
    public const int MaxWaitsForSendersCopy = 5;

    public static readonly TimeSpan WaitForSendersCopy = TimeSpan.FromSeconds(1);

    public async Task<RuleOutcome> HandleAsync(
        ConnectedMailbox mailbox, string folder, FetchedMessage message, int attempt, MessageReads reads, CancellationToken ct)
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
        var (trackingId, method) = await TrackingIdAsync(message, outgoing, reads.MimeHeaders, ct);
        var intent = trackingId is null ? null : await intents.GetAsync(mailbox.AccountId, trackingId, ct);
        if (intent is not null && intent.ExpiresAt < clock.GetUtcNow())
        {
            intent = null;
        }
        var known = await store.GetEmailsByMessageIdsAsync(mailbox.AccountId, [message.InternetMessageId], ct);
        var existing = known.Count > 0 ? known[0] : null;
        if (existing is not null)
        {
            return new(await SeenAgainAsync(mailbox, folder, message, existing.Id, intent, trackingId, ct));
        }
        var (decision, refusal) = await DecideAsync(mailbox, outgoing, message, intent, trackingId, method, ct);
        if (decision is null)
        {
            // A colleague's copy of mail sent from another connected mailbox: that mailbox's Sent Items copy carries
            // the intent, so it is decided first and this copy becomes a sighting.
            if (!outgoing && attempt <= MaxWaitsForSendersCopy && await store.IsConnectedMailboxAsync(mailbox.AccountId, EmailAddresses.Normalize(message.From.Address), ct))
            {
                return new("waiting for the sender's own copy", WaitForSendersCopy);
            }
            return new(await NotLoggedAsync(mailbox, message, trackingId, refusal!, ct));
        }
        decision = await helpdesk.WithTicketAsync(mailbox, outgoing, message, decision, ct);
        decision = await unknownRecipients.WithNewContactsAsync(mailbox, outgoing, message, decision, ct);
        if (decision.Records.Count == 0)
        {
            return new(await NotLoggedAsync(mailbox, message, trackingId, "no records to log it to", ct));
        }
        // Sent while the send-time legal-basis check could not answer (Outlook let it go): said where it is read, on the timeline.
        var because = outgoing && CustomProperty(message.AddinCustomProperties, ReviewProperty) is { } review
            ? $"{decision.Because}; REVIEW: sent without the legal-basis check ({review})"
            : decision.Because;
        var email = new NewEmail(
            mailbox.AccountId, message.InternetMessageId, message.ConversationId, KindOf(intent, message), outgoing ? EmailDirections.Outgoing : EmailDirections.Incoming,
            message.Subject, message.From, message.To, message.Cc, message.Bcc, message.SentAt, message.BodyHtml, because, decision.Records, message.Sender,
            message.HasAttachments ? await reads.Attachments(ct) : null, intent?.InsertedItems);
        // The email, this mailbox's sighting, the intent's link, the one-time bases it used and the outcome land together.
        Task Alongside(DbTransaction transaction, Guid emailId) => RecordSeenAsync(transaction, mailbox, folder, message, emailId, [], intent, trackingId, because, ct);
        var result = await writer.WriteAsync(email, Alongside, ct);
        if (result is WriteEmailResult.UnknownRecords unknown)
        {
            // Records deleted since the intent or the thread was logged: log to those that remain.
            result = await writer.WriteAsync(email with { RecordIds = decision.Records.Except(unknown.RecordIds).ToList() }, Alongside, ct);
        }
        switch (result)
        {
            case WriteEmailResult.Logged logged:
                await helpdesk.AssociateThreadAsync(mailbox, message, decision, logged.EmailId, ct);
                return new($"logged: {because}");
            case WriteEmailResult.AlreadyLogged already:
                // Another mailbox's copy was logged a moment before this one.
                var seen = await SeenAgainAsync(mailbox, folder, message, already.EmailId, intent, trackingId, ct);
                await helpdesk.AssociateThreadAsync(mailbox, message, decision, already.EmailId, ct);
                return new(seen);
            default:
                return new(await NotLoggedAsync(mailbox, message, trackingId, "its records no longer exist", ct));
        }
    }

    /// <summary>
    /// The writes that go with a logged email in the transaction that logs it, or that adds this mailbox's copy (and the
    /// records <paramref name="joining"/> it) to an email already logged.
    /// </summary>
    private async Task RecordSeenAsync(
        DbTransaction transaction, ConnectedMailbox mailbox, string folder, FetchedMessage message, Guid emailId, IReadOnlyCollection<Guid> joining,
        LogIntent? intent, string? trackingId, string because, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await LoggingStore.AddSightingAsync(transaction, mailbox.AccountId, emailId, mailbox.Id, folder, message.Id, message.ConversationId, now, ct);
        await LoggingStore.AddAssociationsAsync(transaction, mailbox.AccountId, emailId, joining, now, ct);
        if (trackingId is not null && intent is { DoLog: true })
        {
            await LogIntentStore.SetEmailAsync(transaction, mailbox.AccountId, trackingId, emailId, ct);
            await PrivacyStore.ConsumeReservedBasesAsync(transaction, mailbox.AccountId, trackingId, intent.UserId, now, ct);
        }
        await LoggingStore.SaveOutcomeAsync(transaction, Outcome(mailbox, message, trackingId, Outcomes.Logged, because, emailId), ct);
    }

    private async Task<(LoggingDecision? Decision, string? Refusal)> DecideAsync(
        ConnectedMailbox mailbox, bool outgoing, FetchedMessage message, LogIntent? intent, string? trackingId, string method, CancellationToken ct)
    {
        if (intent is { DoLog: false })
        {
            return (null, "the rep chose not to log it (log:false)");
        }
        LoggingDecision decision;
        if (intent is not null)
        {
            decision = new LoggingDecision(intent.Records, $"intent {trackingId} ({method})", trackingId, intent);
        }
        else
        {
            if (NoiseFilter.Reason(message.InternetMessageHeaders, message.From.Address) is { } noise)
            {
                return (null, noise);
            }
            if (await ThreadOfAsync(mailbox, message, ct) is not { } thread)
            {
                return (null, "not in a logged thread and no log intent");
            }
            var participants = Participants(message);
            if ((await store.InternalAmongAsync(mailbox.AccountId, participants, ct)).Count == participants.Count)
            {
                return (null, "internal-only branch of a logged thread");
            }
            decision = thread;
        }
        // The account's list, and the personal list of the rep whose mailbox this is.
        var owner = await neverLogStore.GetUserIdByEmailAsync(mailbox.AccountId, mailbox.AddressNormalized, ct);
        var neverLog = await store.GetNeverLogAsync(mailbox.AccountId, owner, ct);
        if (Participants(message).SelectMany(address => neverLog.Where(entry => entry.Matches(address))).FirstOrDefault() is { } blocked)
        {
            return (null, $"never-log list ({blocked.Kind} {blocked.Value})");
        }
        return (decision, null);
    }

    /// <summary>A reply or forward of a logged email (In-Reply-To first, then References), else its conversation in this mailbox.</summary>
    private async Task<LoggingDecision?> ThreadOfAsync(ConnectedMailbox mailbox, FetchedMessage message, CancellationToken ct)
    {
        var inReplyTo = MessageIds(message.InReplyTo);
        var referenced = inReplyTo.Concat(MessageIds(message.References)).Distinct().ToList();
        var parents = await store.GetEmailsByMessageIdsAsync(mailbox.AccountId, referenced, ct);
        if (parents.Count > 0)
        {
            var parent = parents.FirstOrDefault(email => inReplyTo.Contains(email.InternetMessageId)) ?? parents[0];
            var records = await store.GetRecordIdsOfEmailsAsync(mailbox.AccountId, parents.Select(email => email.Id).ToList(), ct);
            var relation = inReplyTo.Contains(parent.InternetMessageId) ? "reply to" : "references";
            return new LoggingDecision(records, $"{relation} logged email {parent.InternetMessageId}", null, null);
        }
        if (message.ConversationId is { Length: > 0 } conversation && await store.GetEmailOfConversationAsync(mailbox.AccountId, mailbox.Id, conversation, ct) is { } sibling)
        {
            var records = await store.GetRecordIdsOfEmailsAsync(mailbox.AccountId, [sibling], ct);
            return new LoggingDecision(records, "same conversation as a logged email in this mailbox", null, null);
        }
        return null;
    }

    /// <summary>This mailbox's copy of an email already logged: its sighting, and its intent's records added.</summary>
    private async Task<string> SeenAgainAsync(ConnectedMailbox mailbox, string folder, FetchedMessage message, Guid emailId, LogIntent? intent, string? trackingId, CancellationToken ct)
    {
        await store.InTransactionAsync(
            transaction => RecordSeenAsync(
                transaction, mailbox, folder, message, emailId, intent is { DoLog: true } ? intent.Records : [], intent, trackingId, "already logged: seen in this mailbox too", ct), ct);
        return "already logged: sighting recorded";
    }

    private async Task<string> NotLoggedAsync(ConnectedMailbox mailbox, FetchedMessage message, string? trackingId, string reason, CancellationToken ct)
    {
        await store.SaveOutcomeAsync(Outcome(mailbox, message, trackingId, Outcomes.NotLogged, reason, null), ct);
        return $"not logged: {reason}";
    }

    private MessageOutcome Outcome(ConnectedMailbox mailbox, FetchedMessage message, string? trackingId, string outcome, string reason, Guid? emailId) =>
        new()
        {
            AccountId = mailbox.AccountId,
            InternetMessageId = message.InternetMessageId,
            MailboxId = mailbox.Id,
            TrackingId = trackingId,
            Outcome = outcome,
            Reason = reason,
            EmailId = emailId,
            DecidedAt = clock.GetUtcNow(),
        };

    /// <summary>The intent's compose type; else In-Reply-To means a reply, References alone a forward; else the subject's prefix.</summary>
    public static string KindOf(LogIntent? intent, FetchedMessage message) => intent?.ComposeType switch
    {
        ComposeTypes.Reply => EmailKinds.Reply,
        ComposeTypes.Forward => EmailKinds.Forward,
        ComposeTypes.NewMail => EmailKinds.Email,
        _ when !string.IsNullOrWhiteSpace(message.InReplyTo) => SubjectPrefixes.KindOf(message.Subject) == EmailKinds.Forward ? EmailKinds.Forward : EmailKinds.Reply,
        _ when !string.IsNullOrWhiteSpace(message.References) => EmailKinds.Forward,
        _ => SubjectPrefixes.KindOf(message.Subject) ?? EmailKinds.Email,
    };

    private static List<string> Participants(FetchedMessage message) =>
        new[] { message.From }.Concat(message.To).Concat(message.Cc)
            .Select(mailbox => mailbox.Address).Where(address => address.Length > 0).Select(EmailAddresses.Normalize).Distinct().ToList();

    private static List<string> MessageIds(string? header) =>
        header is null ? [] : MessageIdPattern().Matches(header).Select(match => match.Value).ToList();

    private static async Task<(string? TrackingId, string Method)> TrackingIdAsync(
        FetchedMessage message, bool outgoing, Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>?>> mimeHeaders, CancellationToken ct)
    {
        if (CustomProperty(message.AddinCustomProperties, "trackingId") is { } fromProperty)
        {
            return (fromProperty, "custom property");
        }
        // Only the sender's copy: a colleague's Inbox copy carries the same header but is the same email, found by its Message-ID.
        return outgoing ? (FromHeaders(await mimeHeaders(ct)), "MIME header") : (null, "");
    }

    /// <summary>The add-in custom property the send handler sets when it let an email go unchecked.</summary>
    public const string ReviewProperty = "reviewReason";

    private static string? CustomProperty(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromHeaders(IReadOnlyList<KeyValuePair<string, string>>? headers) =>
        headers?.FirstOrDefault(header => header.Key.Equals(TrackingHeader, StringComparison.OrdinalIgnoreCase)).Value?.Trim() is { Length: > 0 } value ? value : null;

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex MessageIdPattern();
}
