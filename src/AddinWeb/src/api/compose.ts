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

/** What a new message starts with (`POST /api/log-intents/starts`): its launch event or its pane claims it by its recipients. */
export interface ComposeStartRequest {
  to: string[];
  cc?: string[];
  startedFrom?: string;
  associations: string[];
  composeType?: "newMail" | "reply" | "forward";
}

export const leaveStartOnServer = (api: ApiClient, start: ComposeStartRequest) =>
  api.send<{ id: string; claimableUntil: string }>("POST", "/api/log-intents/starts", start);

export interface LogIntent {
  trackingId: string;
  log: boolean;
  associations: string[];
  composeType: "newMail" | "reply" | "forward" | null;
  /** "pane": the rep chose in the pane; "default": the launch event registered it (the policy decides, with the start's records). */
  origin: "pane" | "default";
  startedFrom: string | null;
}

export interface RecordName {
  id: string;
  type: string;
  name: string;
}

/** The answer of `PUT /api/log-intents/{trackingId}/default`: the item's intent (an existing one stands) with its records named. */
export interface DefaultIntent {
  intent: LogIntent;
  startedFrom: RecordName | null;
  records: RecordName[];
}

export const registerDefaultIntent = (
  api: ApiClient,
  trackingId: string,
  message: { to: string[]; cc: string[]; composeType?: "newMail" | "reply" | "forward" },
  signal?: AbortSignal,
) => api.send<DefaultIntent>("PUT", `/api/log-intents/${encodeURIComponent(trackingId)}/default`, message, signal);
