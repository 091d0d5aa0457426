import type { ApiClient } from "./client";

/** A connected mailbox the rep acts for: their own, or a team or help-desk mailbox they are a member of. */
export interface ActingMailbox {
  id: string;
  address: string;
  displayName: string | null;
  kind: "personal" | "team" | "helpdesk";
  own: boolean;
}

/** GET /api/me/mailboxes. */
export const myMailboxes = (api: ApiClient) => api.send<{ items: ActingMailbox[] }>("GET", "/api/me/mailboxes");
