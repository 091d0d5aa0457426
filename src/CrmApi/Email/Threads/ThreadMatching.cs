using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.Email.Threads;

/// <summary>The logged thread a message continues, with the records it is on and why; never by subject.</summary>
public sealed record ThreadMatch(IReadOnlyList<Guid> Records, string Because);

/// <summary>
/// Finds the logged thread of a message: a reply or forward of a logged email (In-Reply-To first, then References), else
/// a logged email of the same conversation in the same mailbox.
/// </summary>
public sealed partial class ThreadMatching(ThreadStore threads)
{
    public async Task<ThreadMatch?> FindAsync(ConnectedMailbox mailbox, FetchedMessage message, CancellationToken ct)
    {
        var inReplyTo = MessageIds(message.InReplyTo);
        var referenced = inReplyTo.Concat(MessageIds(message.References)).Distinct().ToList();
        var parents = await threads.GetEmailsByMessageIdsAsync(mailbox.AccountId, referenced, ct);
        if (parents.Count > 0)
        {
            var parent = parents.FirstOrDefault(email => inReplyTo.Contains(email.InternetMessageId)) ?? parents[0];
            var records = await threads.GetRecordIdsOfEmailsAsync(mailbox.AccountId, parents.Select(email => email.Id).ToList(), ct);
            var relation = inReplyTo.Contains(parent.InternetMessageId) ? "reply to" : "references";
            return new ThreadMatch(records, $"{relation} logged email {parent.InternetMessageId}");
        }
        if (message.ConversationId is { Length: > 0 } conversation && await threads.GetEmailOfConversationAsync(mailbox.AccountId, mailbox.Id, conversation, ct) is { } sibling)
        {
            return new ThreadMatch(await threads.GetRecordIdsOfEmailsAsync(mailbox.AccountId, [sibling], ct), "same conversation as a logged email in this mailbox");
        }
        return null;
    }

    /// <summary>The Message-IDs of an In-Reply-To or References header, in their order.</summary>
    public static List<string> MessageIds(string? header) =>
        header is null ? [] : MessageIdPattern().Matches(header).Select(match => match.Value).ToList();

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex MessageIdPattern();
}
