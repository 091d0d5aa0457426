using System.Text.RegularExpressions;
using OutlookCrm.CrmApi.MailboxSync.Graph;
using OutlookCrm.CrmApi.MailboxSync.Mailboxes;

namespace OutlookCrm.CrmApi.Email.Threads;

/// <summary>The logged thread a message continues, with the records it is on and why; never by subject.</summary>
public sealed record ThreadMatch(IReadOnlyList<Guid> Records, string Because);

/// <summary>
/// Finds the logged thread of a message: a reply or forward of a logged email (In-Reply-To first, then References, then
/// the email whose tracking stamp it inherited), else a logged email of the same conversation in the same mailbox.
/// </summary>
public sealed partial class ThreadMatching(ThreadStore threads)
{
    public async Task<ThreadMatch?> FindAsync(ConnectedMailbox mailbox, FetchedMessage message, string? stampParent, CancellationToken ct)
    {
        var inReplyTo = MessageIds(message.InReplyTo);
        var referenced = inReplyTo.Concat(MessageIds(message.References)).Distinct().ToList();
        var parents = await threads.GetEmailsByMessageIdsAsync(mailbox.AccountId, referenced, ct);
        if (Parent(inReplyTo, parents) is { } because)
        {
            var records = await threads.GetRecordIdsOfEmailsAsync(mailbox.AccountId, parents.Select(email => email.Id).ToList(), ct);
            return new ThreadMatch(records, because);
        }
        // The email whose tracking stamp a classic Outlook forward carried over names its parent as surely as a header.
        if (stampParent is not null && (await threads.GetEmailsByMessageIdsAsync(mailbox.AccountId, [stampParent], ct)) is [var stamped, ..])
        {
            return new ThreadMatch(
                await threads.GetRecordIdsOfEmailsAsync(mailbox.AccountId, [stamped.Id], ct), $"forward of logged email {stampParent} (its tracking stamp, carried over by Outlook)");
        }
        referenced = stampParent is null ? referenced : [.. referenced, stampParent];
        if (MayJoinConversation(referenced) && message.ConversationId is { Length: > 0 } conversation && await threads.GetEmailOfConversationAsync(mailbox.AccountId, mailbox.Id, conversation, ct) is { } sibling)
        {
            return new ThreadMatch(await threads.GetRecordIdsOfEmailsAsync(mailbox.AccountId, [sibling], ct), "same conversation as a logged email in this mailbox");
        }
        return null;
    }

    /// <summary>
    /// Which logged email the message continues, in words: the one its In-Reply-To names ("reply to") before any its
    /// References name ("references"); null when it names none. The records of every logged parent are logged to.
    /// </summary>
    public static string? Parent(IReadOnlyList<string> inReplyTo, IReadOnlyList<EmailKey> loggedParents)
    {
        if (loggedParents.Count == 0)
        {
            return null;
        }
        var parent = loggedParents.FirstOrDefault(email => inReplyTo.Contains(email.InternetMessageId));
        return parent is not null ? $"reply to logged email {parent.InternetMessageId}" : $"references logged email {loggedParents[0].InternetMessageId}";
    }

    /// <summary>
    /// Whether a message's conversation may place it in a thread: only when it names a parent (In-Reply-To or
    /// References), logged or not. Exchange puts a message without threading headers in a conversation by its subject
    /// (Outlook's conversation view groups unrelated mail that shares a subject), so joining it by conversation would be
    /// subject matching by another name. docs/first-tenant.md lists this among what to verify.
    /// </summary>
    public static bool MayJoinConversation(IReadOnlyCollection<string> referencedMessageIds) => referencedMessageIds.Count > 0;

    /// <summary>The Message-IDs of an In-Reply-To or References header, in their order.</summary>
    public static List<string> MessageIds(string? header) =>
        header is null ? [] : MessageIdPattern().Matches(header).Select(match => match.Value).ToList();

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex MessageIdPattern();
}
