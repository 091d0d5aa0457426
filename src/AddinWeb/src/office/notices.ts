import { call, composeItem, type Maybe } from "./core";

/**
 * An informational bar on the message being written (notificationMessages, Mailbox 1.3; on Outlook mobile in message
 * compose, where the event script is the add-in's only voice). Outlook keeps a message to 150 characters and wants an
 * icon from the manifest's resources for an informational one.
 */
const MaxLength = 150;
const Icon = "Icon.16";

/** Shows or replaces the bar under this key; nothing when the host has no notification messages. */
export async function showNotice(key: string, message: string): Promise<void> {
  const current = composeItem();
  if (current === undefined || typeof (current as Maybe<Office.MessageCompose>).notificationMessages?.replaceAsync !== "function") {
    return;
  }
  const details = {
    type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message: message.length <= MaxLength ? message : `${message.slice(0, MaxLength - 1)}…`,
    icon: Icon,
    persistent: false,
  };
  await call<unknown>((cb) => current.notificationMessages.replaceAsync(key, details, cb));
}

/** Removes the bar under this key; a bar that is not there is not an error. */
export async function clearNotice(key: string): Promise<void> {
  const current = composeItem();
  if (current === undefined || typeof (current as Maybe<Office.MessageCompose>).notificationMessages?.removeAsync !== "function") {
    return;
  }
  await call<unknown>((cb) => current.notificationMessages.removeAsync(key, cb)).catch(() => undefined);
}
