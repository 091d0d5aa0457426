using OutlookCrm.CrmApi.Email.LoggedEmails;
using OutlookCrm.CrmApi.Email.LogIntents;
using OutlookCrm.CrmApi.MailboxSync.Graph;

namespace OutlookCrm.CrmApi.Email.Rules;

/// <summary>Whether a message is a new email, a reply or a forward, in the order the evidence is trusted.</summary>
public static class MessageKind
{
    /// <summary>The intent's compose type; else In-Reply-To means a reply, References alone a forward; else the subject's prefix.</summary>
    public static string Of(LogIntent? intent, FetchedMessage message) => intent?.ComposeType switch
    {
        ComposeTypes.Reply => EmailKinds.Reply,
        ComposeTypes.Forward => EmailKinds.Forward,
        ComposeTypes.NewMail => EmailKinds.Email,
        _ when !string.IsNullOrWhiteSpace(message.InReplyTo) => SubjectPrefixes.KindOf(message.Subject) == EmailKinds.Forward ? EmailKinds.Forward : EmailKinds.Reply,
        _ when !string.IsNullOrWhiteSpace(message.References) => EmailKinds.Forward,
        _ => SubjectPrefixes.KindOf(message.Subject) ?? EmailKinds.Email,
    };
}
