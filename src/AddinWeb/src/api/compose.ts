import type { ApiClient } from "./client";

export type RecipientStatus = "ok" | "needsBasis" | "optedOut" | "exempt" | "internal" | "noRecord";

export type Fix = "addOneToOneSubscription" | "oneTimeBasis" | "transactionalOneTimeBasis" | "createContact";

export interface ContactResult {
  id: string;
  name: string;
  status: RecipientStatus;
  reason: string;
  fixes: Fix[];
  oneTimeBasisId: string | null;
}

export interface RecipientResult {
  field: "to" | "cc" | "bcc";
  address: string;
  status: RecipientStatus;
  reason: string;
  fixes: Fix[];
  contacts: ContactResult[];
  chosenContactId?: string;
}

export interface SuggestedAssociation {
  id: string;
  type: string;
  name: string;
  reason: string;
}

/** A closed ticket among the email's records: it exempts no one until the rep confirms the email concerns it. */
export interface ClosedTicket {
  id: string;
  name: string;
  confirmed: boolean;
}

/** The answer of POST /api/compose/context. */
export interface ComposeContext {
  allowed: boolean;
  privacyEnabled: boolean;
  /** An open (or confirmed closed) ticket is on the email: its own contacts are exempt, no one else. */
  transactional: boolean;
  unknownRecipients: "warn" | "block";
  recipients: RecipientResult[];
  from: { address: string | null; kind: "personal" | "team" | "helpdesk" | "notConnected" };
  suggestedAssociations: SuggestedAssociation[];
  closedTickets: ClosedTicket[];
}

export interface ComposeRequest {
  trackingId?: string;
  from?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  associations?: string[];
  startedFrom?: { type: string; id: string };
  /** Closed tickets among the associations that the rep said this email concerns. */
  confirmedClosedTickets?: string[];
}

export const composeContext = (api: ApiClient, request: ComposeRequest, signal?: AbortSignal) =>
  api.send<ComposeContext>("POST", "/api/compose/context", request, signal);

export const saveIntent = (
  api: ApiClient,
  trackingId: string,
  log: boolean,
  associations: string[],
  composeType?: string,
  inserted?: string[],
  confirmedClosedTickets?: string[],
) =>
  api.send("PUT", `/api/log-intents/${encodeURIComponent(trackingId)}`, {
    log,
    associations,
    ...(composeType === undefined ? {} : { composeType }),
    ...(inserted === undefined ? {} : { inserted }),
    ...(confirmedClosedTickets === undefined || confirmedClosedTickets.length === 0 ? {} : { confirmedClosedTickets }),
  });

export const giveOneTimeBasis = (api: ApiClient, contactId: string, legalBasis: string, explanation: string, transactional: boolean, trackingId?: string) =>
  api.send("POST", `/api/contacts/${contactId}/one-time-basis`, { legalBasis, explanation, transactional, ...(trackingId === undefined ? {} : { trackingId }) });

export const subscribeOneToOne = (api: ApiClient, contactId: string, legalBasis: string, explanation?: string) =>
  api.send("POST", `/api/contacts/${contactId}/subscriptions`, { type: "one-to-one", legalBasis, ...(explanation === undefined ? {} : { explanation }) });
