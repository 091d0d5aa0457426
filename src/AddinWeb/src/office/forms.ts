/** Outlook's own forms: a new message, filled in; an existing message of the rep's mailbox. */

import { isMobile, mailbox, hasOffice, supports } from "./core";

export interface NewMessage {
  to: string[];
  cc?: string[];
  subject?: string;
  /** HTML the new message starts with (a forwarded email); Outlook sanitises it as well. */
  htmlBody?: string;
}

/** Opens Outlook's own new-message form, filled in (Mailbox 1.6); false where the host cannot. */
export function openNewMessage(message: NewMessage): boolean {
  if (!supports("1.6")) {
    return false;
  }
  Office.context.mailbox.displayNewMessageForm({
    toRecipients: message.to,
    ...(message.cc === undefined ? {} : { ccRecipients: message.cc }),
    ...(message.subject === undefined ? {} : { subject: message.subject }),
    ...(message.htmlBody === undefined ? {} : { htmlBody: message.htmlBody }),
  });
  return true;
}

/** Opens a message of the rep's mailbox in Outlook's own form (by its REST id), where Reply and Forward thread it. */
export function openMessage(restId: string): boolean {
  const box = hasOffice() ? mailbox() : undefined;
  if (box === undefined) {
    return false;
  }
  if (isMobile()) {
    box.displayMessageForm(restId);
    return true;
  }
  if (!supports("1.3")) {
    return false;
  }
  box.displayMessageForm(box.convertToEwsId(restId, Office.MailboxEnums.RestVersion.v2_0));
  return true;
}
