using System.Data.Common;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.Outcomes;
using OutlookCrm.CrmApi.Email.Rules;
using OutlookCrm.CrmApi.Email.Threads;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;
using OutlookCrm.CrmApi.MailboxSync.Members;
using OutlookCrm.CrmApi.MailboxSync.Throttling;
using OutlookCrm.CrmApi.Platform.Auth;
using OutlookCrm.CrmApi.Platform.Common;
using OutlookCrm.CrmApi.Platform.Data;

namespace OutlookCrm.CrmApi.Email.ByHand;

/// <summary>
/// The body of <c>POST /api/emails/log</c>: the read item's ids and the records the rep picked; <c>mailbox</c>, the
/// address of the shared or team mailbox the item is in (Office's <c>getSharedPropertiesAsync</c>), when not the rep's own.
/// </summary>
public sealed record LogByHandRequest(string? InternetMessageId, string? MessageId, List<Guid>? Associations, string? Mailbox = null);

/// <summary>
/// "Log this email" from the read pane: the rep logs a message of their own mailbox, or of a connected team mailbox they
/// are a member of (<see cref="ActingMailboxes"/>; 403 otherwise), to the records they pick. The message is read from
/// Graph (never from what the pane sends), so nobody can log a message that is not in a mailbox they act for; a message
/// already logged gets the records added; the outcome is recorded as for automatic logging.
/// </summary>
public sealed class LogByHand(
    Db db, ActingMailboxes acting, RecordReader records, IGraphMailFactory graph, MailboxGates gates, EmailWriter writer, ThreadStore threads, TimeProvider clock)
{
    public const int MaxAssociations = 50;

    public sealed record Result(Guid EmailId, bool AlreadyLogged);

    public async Task<Outcome<Result>> LogAsync(CurrentUser user, LogByHandRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var internetMessageId = request.InternetMessageId?.Trim() ?? "";
        if (internetMessageId.Length is 0 or > 998)
        {
            errors.Add("internetMessageId", "Give the Internet Message-ID of the email.");
        }
        if (string.IsNullOrWhiteSpace(request.MessageId) || request.MessageId.Length > 1024)
        {
            errors.Add("messageId", "Give the message's id in the mailbox (its REST id).");
        }
        var associations = (request.Associations ?? []).Distinct().ToList();
        if (associations.Count is 0 or > MaxAssociations)
        {
            errors.Add("associations", $"Pick 1 to {MaxAssociations} records to log the email to.");
        }
        if (request.Mailbox is { Length: > 320 })
        {
            errors.Add("mailbox", "Give the address of the mailbox the email is in.");
        }
        if (errors.Any)
        {
            return Outcome<Result>.Invalid(errors);
        }
        // A team mailbox named: a rep who does not act for it is refused before anything is read or added.
        var named = string.IsNullOrWhiteSpace(request.Mailbox) ? null : await acting.ResolveAsync(user, request.Mailbox, ct);
        if (named is { IsDone: false })
        {
            return named.Failed<Result>();
        }
        // A record that is not there (or not the caller's) is a 404 naming it, as in the compose calls.
        var missing = await records.IndexOfMissingAsync(user.AccountId, associations, ct);
        if (missing >= 0)
        {
            return Outcome<Result>.NotFound($"associations[{missing}]", "There is no record with this id.");
        }

        var now = clock.GetUtcNow();
        var known = await threads.GetEmailsByMessageIdsAsync(user.AccountId, [internetMessageId], ct);
        if (known.Count > 0)
        {
            await threads.AddAssociationsAsync(user.AccountId, known[0].Id, associations, now, ct);
            return Outcome<Result>.Done(new Result(known[0].Id, true));
        }
        var resolved = named ?? await acting.ResolveAsync(user, null, ct);
        if (!resolved.IsDone)
        {
            return resolved.Failed<Result>();
        }
        var mailbox = resolved.Value!;
        var message = await ReadAsync(user, mailbox, request.MessageId!.Trim(), ct);
        if (message is null || !string.Equals(message.InternetMessageId, internetMessageId, StringComparison.Ordinal))
        {
            return Outcome<Result>.NotFound("messageId", named is null ? "This email is not in your mailbox (moved or deleted?)." : $"This email is not in {mailbox.Address} (moved or deleted?).");
        }
        var outgoing = EmailAddresses.Normalize(message.From.Address) == mailbox.AddressNormalized;
        var because = $"logged by hand by {user.DisplayName}";
        var folder = outgoing ? WatchedFolders.SentItems : WatchedFolders.Inbox;
        // The email, the rep's mailbox's sighting and the outcome land together.
        async Task RecordSeenAsync(DbTransaction transaction, Guid emailId)
        {
            await ThreadStore.AddSightingAsync(transaction, user.AccountId, emailId, mailbox.Id, folder, message.Id, message.ConversationId, now, ct);
            await OutcomeStore.SaveOutcomeAsync(transaction, new MessageOutcome
            {
                AccountId = user.AccountId,
                InternetMessageId = message.InternetMessageId,
                MailboxId = mailbox.Id,
                TrackingId = null,
                Outcome = OutcomeKinds.Logged,
                Reason = because,
                EmailId = emailId,
                DecidedAt = now,
            }, ct);
        }
        var prepared = await writer.PrepareAsync(NewEmail.Of(user.AccountId, message, MessageKind.Of(null, message), outgoing, because, associations), ct);
        switch (prepared)
        {
            case WriteEmailResult.Ready ready:
                return await StoreAsync(ready.Email) is { } raced ? await JoinAsync(raced.EmailId) : Outcome<Result>.Done(new Result(ready.Email.Id, false));
            case WriteEmailResult.AlreadyLogged already:
                return await JoinAsync(already.EmailId);
            default:
                throw new InvalidOperationException($"The records were checked a moment ago: {prepared}");
        }

        // Null when this call logged it; the copy another mailbox logged at the same moment when that one won.
        async Task<WriteEmailResult.AlreadyLogged?> StoreAsync(PreparedEmail email)
        {
            try
            {
                await db.InTransactionAsync(async transaction =>
                {
                    await EmailWriter.StoreAsync(transaction, email, ct);
                    await RecordSeenAsync(transaction, email.Id);
                }, ct);
                return null;
            }
            catch (DbException)
            {
                if (await writer.LoggedFirstAsync(email, ct) is { } raced)
                {
                    return raced;
                }
                throw;
            }
        }

        // Logged by the pipeline between the check and the write: the rep's records join it.
        async Task<Outcome<Result>> JoinAsync(Guid emailId)
        {
            await db.InTransactionAsync(async transaction =>
            {
                await ThreadStore.AddAssociationsAsync(transaction, user.AccountId, emailId, associations, now, ct);
                await RecordSeenAsync(transaction, emailId);
            }, ct);
            return Outcome<Result>.Done(new Result(emailId, false));
        }
    }

    /// <summary>The rep's message, within the mailbox's gate like every Graph request to it (GraphThrottledException when it must wait).</summary>
    private async Task<FetchedMessage?> ReadAsync(CurrentUser user, ConnectedMailbox mailbox, string messageId, CancellationToken ct)
    {
        await using var pass = await gates.EnterAsync(mailbox.Id, ct);
        if (pass.NotBefore is { } wait)
        {
            throw new GraphThrottledException(wait - clock.GetUtcNow(), StatusCodes.Status429TooManyRequests);
        }
        try
        {
            return await graph.ForTenant(user.TenantId).GetMessageAsync(mailbox.GraphKey, messageId, ct);
        }
        catch (GraphThrottledException throttled)
        {
            gates.Throttle(mailbox.Id, clock.GetUtcNow() + throttled.RetryAfter);
            throw;
        }
    }
}
