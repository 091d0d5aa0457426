import type { ApiClient } from "./client";
import type { RecordSummary } from "./records";

/** What the server knows of an email: logged (to which records), pending, or not logged and why. */
export interface EmailStatus {
  status: "logged" | "pending" | "notLogged";
  reason: string | null;
  emailId: string | null;
  records: RecordSummary[];
}

export const emailStatus = (api: ApiClient, internetMessageId: string, signal?: AbortSignal) =>
  api.send<EmailStatus>("GET", `/api/emails/status?internetMessageId=${encodeURIComponent(internetMessageId)}`, undefined, signal);

/** POST /api/emails/log: log a message of the rep's mailbox to the records picked, or add them to it. */
export const logEmail = (api: ApiClient, internetMessageId: string, messageId: string, associations: string[]) =>
  api.send<{ emailId: string; alreadyLogged: boolean }>("POST", "/api/emails/log", { internetMessageId, messageId, associations });
