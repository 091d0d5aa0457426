import type { LoggedEmail, ReplyContext } from "../../api/emails";
import type { Person } from "../../api/records";
import type { NewMessage } from "../../office/forms";
import type { ComposeType } from "./startHandoff";

export type ReplyKind = "reply" | "replyAll" | "forward";

export const composeTypeOf = (kind: ReplyKind): ComposeType => (kind === "forward" ? "forward" : "reply");

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "RE: x" once, whatever prefix the subject had; "FW: x" likewise. */
function prefixed(prefix: "RE" | "FW", subject: string): string {
  const bare = subject.replace(/^\s*((re|fw|fwd|aw|wg|sv|vs|tr)\s*:\s*)+/i, "");
  return `${prefix}: ${bare}`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const named = (person: Person) => (person.name === null || person.name === "" ? person.address : `${person.name} <${person.address}>`);

/** Said where a body is no longer kept (the timeline, a forward): the account's retention removed it. */
export const purgedBodyNote = "The body of this email was removed after your organisation's retention period.";

/** What a forward quotes: the original's sanitised body, or the note when retention removed it. */
export const forwardedBody = (original: Pick<LoggedEmail, "bodyHtml" | "bodyPurgedAt">): string =>
  original.bodyPurgedAt === null ? original.bodyHtml : `<p><em>${purgedBodyNote}</em></p>`;

/**
 * The new message a timeline reply, reply all or forward opens when the email is not in the rep's own mailbox: who it
 * goes to (the rep left out; a reply to the rep's own email goes to its recipients), the subject, and for a forward
 * the original below a header. The original body is the API's sanitised copy.
 */
export function replyMessage(kind: ReplyKind, context: ReplyContext, me: string, originalHtml?: string, sentAt?: string): NewMessage {
  if (kind === "forward") {
    const header = [
      "<p>---------- Forwarded message ----------<br>",
      `From: ${escape(named(context.from))}<br>`,
      sentAt === undefined ? "" : `Date: ${escape(new Date(sentAt).toUTCString())}<br>`,
      `Subject: ${escape(context.subject)}<br>`,
      `To: ${escape(context.to.map(named).join(", "))}</p>`,
    ].join("");
    return { to: [], subject: prefixed("FW", context.subject), htmlBody: `<p></p>${header}${originalHtml ?? ""}` };
  }
  // A team or help-desk address's email is the team's own: a reply goes to its recipients, as to the rep's own email.
  const fromMe = same(context.from.address, me) || context.sentFromTeamMailbox;
  const primary = fromMe ? context.to.map((person) => person.address) : [context.from.address];
  const others = kind === "replyAll" ? context.to.map((person) => person.address).filter((address) => !same(address, me)) : [];
  const to = [...new Set([...primary, ...others].map((address) => address.toLowerCase()))].filter((address) => !same(address, me));
  const cc = kind === "replyAll" ? context.cc.map((person) => person.address).filter((address) => !same(address, me) && !to.includes(address.toLowerCase())) : [];
  return { to, ...(cc.length === 0 ? {} : { cc }), subject: prefixed("RE", context.subject) };
}
