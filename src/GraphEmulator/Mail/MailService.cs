using OutlookCrm.GraphEmulator.Subscriptions;

namespace OutlookCrm.GraphEmulator.Mail;

/// <summary>Sends and delivers mail between the emulator's mailboxes and raises the change notifications that follow.</summary>
public sealed class MailService(MailStore mailboxes, MessageFactory factory, SubscriptionStore subscriptions, NotificationDispatcher dispatcher)
{
    /// <summary>The Sent Items copy in the sender's mailbox and an Inbox copy in every recipient mailbox the emulator holds.</summary>
    public EmulatedMessage Send(EmulatedMailbox sender, Outgoing mail, IReadOnlyDictionary<string, string>? customProperties)
    {
        var internetMessageId = mail.InternetMessageId ?? MessageFactory.NewInternetMessageId(sender.Address);
        var sent = factory.SentCopy(sender, mail, internetMessageId, customProperties);
        Store(sender, sent);
        foreach (var recipient in mail.To.Concat(mail.Cc).Concat(mail.Bcc).Select(address => mailboxes.FindByAddress(address.Address)).OfType<EmulatedMailbox>().Distinct())
        {
            Store(recipient, factory.ReceivedCopy(recipient, mail, internetMessageId));
        }
        return sent;
    }

    /// <summary>Mail from outside the emulator arriving in one Inbox.</summary>
    public EmulatedMessage Deliver(EmulatedMailbox recipient, Outgoing mail)
    {
        var received = factory.ReceivedCopy(recipient, mail, mail.InternetMessageId ?? MessageFactory.NewInternetMessageId(mail.From.Address));
        Store(recipient, received);
        return received;
    }

    private void Store(EmulatedMailbox mailbox, EmulatedMessage message)
    {
        mailbox.Add(message);
        foreach (var subscription in subscriptions.Watching(mailbox.Id, message.Folder, "created"))
        {
            dispatcher.NotifyCreated(subscription, message);
        }
    }
}
