/** Outlook's own forms: a new message, filled in; an existing message of the rep's mailbox; else the mail app's. */

import { isMobile, mailbox, hasOffice, supports } from "./core";

export interface NewMessage {
  to: string[];
  cc?: string[];
  subject?: string;
  /** HTML the new message starts with (a forwarded email); Outlook sanitises it as well. */
  htmlBody?: string;
}

/**
 * Opens Outlook's own new-message form, filled in (Mailbox 1.6); false where the host cannot — among them Outlook on
 * iOS and Android, which stop at Mailbox 1.5 and do not list it among the later APIs they implement
 * (learn.microsoft.com/office/dev/add-ins/outlook/outlook-mobile-apis).
 */
export function openNewMessage(message: NewMessage): boolean {
  if (!supports("1.6") || isMobile()) {
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

/**
 * Opens a message of the rep's mailbox in Outlook's own form, where Reply and Forward thread it. `displayMessageForm`
 * (Mailbox 1.1) documents an EWS id, and `convertToEwsId` (1.3) documents REST ids in; whether they take Graph's
 * immutable ids is undocumented, so the server hands the message's regular REST id. Without it (Graph could not say),
 * or on Outlook for iOS and Android, which have neither call (outlook-mobile-apis, "Unsupported APIs"), false: the
 * caller writes a new message instead.
 */
export function openMessage(regularRestId: string | null): boolean {
  const box = hasOffice() ? mailbox() : undefined;
  if (box === undefined || regularRestId === null || isMobile() || !supports("1.3")) {
    return false;
  }
  box.displayMessageForm(box.convertToEwsId(regularRestId, Office.MailboxEnums.RestVersion.v2_0));
  return true;
}

/** The longest body a mailto: link carries here: mail apps and the OS cut long URLs (about 2,000 characters is safe). */
const mailtoBodyLimit = 1500;

const encode = (value: string) => encodeURIComponent(value);

/** HTML as the text a plain mail body shows. */
function textOf(html: string): string {
  const document = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>/gi, "</p>\n"), "text/html");
  return document.body.textContent.replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Where Outlook has no form the pane may open (Outlook on iOS and Android: neither `displayMessageForm`, nor
 * `displayNewMessageForm`, nor the item's `displayReplyForm` — outlook-mobile-apis), a mailto: URL (RFC 6068) the rep
 * taps, which the device opens in its mail app: To, Cc, Subject, the body as text (cut short), and In-Reply-To naming the
 * original, as RFC 6068 §6 shows, so a mail app that honours it threads the reply (and the CRM logs it with the thread).
 */
export function mailtoUrl(message: NewMessage, inReplyTo?: string): string {
  const fields: string[] = [];
  if (message.cc !== undefined && message.cc.length > 0) {
    fields.push(`cc=${message.cc.map(encode).join(",")}`);
  }
  if (message.subject !== undefined) {
    fields.push(`subject=${encode(message.subject)}`);
  }
  if (message.htmlBody !== undefined) {
    const text = textOf(message.htmlBody);
    fields.push(`body=${encode(text.length > mailtoBodyLimit ? `${text.slice(0, mailtoBodyLimit)}…` : text)}`);
  }
  if (inReplyTo !== undefined) {
    fields.push(`In-Reply-To=${encode(inReplyTo)}`);
  }
  return `mailto:${message.to.map(encode).join(",")}${fields.length === 0 ? "" : `?${fields.join("&")}`}`;
}
