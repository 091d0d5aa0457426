import type { ApiClient } from "./client";
import type { Person, RecordSummary } from "./records";

/** What the server knows of an email: logged (to which records), pending, or not logged and why. */
export interface EmailStatus {
  status: "logged" | "pending" | "notLogged";
  reason: string | null;
  emailId: string | null;
  records: RecordSummary[];
}

export const emailStatus = (api: ApiClient, internetMessageId: string, signal?: AbortSignal) =>
  api.send<EmailStatus>("GET", `/api/emails/status?internetMessageId=${encodeURIComponent(internetMessageId)}`, undefined, signal);

/**
 * POST /api/emails/log: log a message of the rep's mailbox to the records picked, or add them to it; `mailbox`, the
 * team or shared mailbox the message is in when it is not the rep's own (the server checks the rep is a member).
 */
export const logEmail = (api: ApiClient, internetMessageId: string, messageId: string, associations: string[], mailbox?: string) =>
  api.send<{ emailId: string; alreadyLogged: boolean }>("POST", "/api/emails/log", { internetMessageId, messageId, associations, ...(mailbox === undefined ? {} : { mailbox }) });

export interface ReplyContext {
  emailId: string;
  /** The email's id in a mailbox the rep acts for (Graph's immutable REST id), when it is there. */
  messageId: string | null;
  /** The same message's id in Graph's default REST format, what Outlook's forms are documented with; null when it could not be read. */
  regularMessageId: string | null;
  /** The email's Internet Message-ID: what a reply names in In-Reply-To. */
  internetMessageId: string;
  subject: string;
  from: Person;
  to: Person[];
  cc: Person[];
  /** A teammate sent the original: a reply would go to them, not to the customer. */
  sentByTeammate: Person | null;
  associations: RecordSummary[];
  /** Whose copy the ids are: the rep's own mailbox, or a team mailbox they are a member of; null without ids. */
  mailbox: string | null;
  /** A team or help-desk address sent the original: a reply goes to its recipients, as a reply to the rep's own email. */
  sentFromTeamMailbox: boolean;
}

export const replyContext = (api: ApiClient, emailId: string) => api.send<ReplyContext>("GET", `/api/emails/${encodeURIComponent(emailId)}/reply-context`);

/** The logged email with its sanitised body, for a forward; bodyPurgedAt once the account's retention removed it. */
export interface LoggedEmail {
  bodyHtml: string;
  sentAt: string;
  from: Person;
  subject: string;
  bodyPurgedAt: string | null;
}

/** GET /api/emails/{id}. */
export const loggedEmail = (api: ApiClient, emailId: string) => api.send<LoggedEmail>("GET", `/api/emails/${encodeURIComponent(emailId)}`);
