using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>
/// Whether a message is a new email, a reply or a forward, in the order the evidence is trusted: the pane's compose
/// type; a tracking stamp inherited from another email; Thunderbird's forward mark; the threading headers, with the subject's prefix breaking the tie they leave open;
/// last, the prefix alone. A prefix never outvotes a header: "VS:" is a Finnish reply and a Danish forward.
/// </summary>
public static class MessageKind
{
    public static string Of(LogIntent? intent, FetchedMessage message, bool inheritedStamp = false) => intent?.ComposeType switch
    {
        ComposeTypes.Reply => EmailKinds.Reply,
        ComposeTypes.Forward => EmailKinds.Forward,
        ComposeTypes.NewMail => EmailKinds.Email,
        // Only a forward starts with its parent's custom properties (classic Outlook; see InheritedStamps).
        _ when inheritedStamp => EmailKinds.Forward,
        // Thunderbird names the message it forwards in X-Forwarded-Message-Id (with References, without In-Reply-To).
        _ when Has(message, "X-Forwarded-Message-Id") => EmailKinds.Forward,
        // RFC 5322 §3.6.4: a reply carries In-Reply-To; forwards may too (Gmail's do), so a forward prefix wins there.
        _ when !string.IsNullOrWhiteSpace(message.InReplyTo) => SubjectPrefixes.KindOf(message.Subject) == EmailKinds.Forward ? EmailKinds.Forward : EmailKinds.Reply,
        // References alone: forwards that name their original (Thunderbird's), and replies from clients that write
        // only References (older mailers; two of the corpus's "Re:" messages). A reply prefix makes it a reply.
        _ when !string.IsNullOrWhiteSpace(message.References) => SubjectPrefixes.KindOf(message.Subject) == EmailKinds.Reply ? EmailKinds.Reply : EmailKinds.Forward,
        _ => SubjectPrefixes.KindOf(message.Subject) ?? EmailKinds.Email,
    };

    private static bool Has(FetchedMessage message, string header) =>
        message.InternetMessageHeaders.Any(field => field.Key.Equals(header, StringComparison.OrdinalIgnoreCase));
}
