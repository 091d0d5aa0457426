import type { ApiClient } from "../../api/client";

export type MailboxKind = "personal" | "team" | "helpdesk";

export interface SubscriptionView {
  folder: string;
  status: string;
  graphSubscriptionId: string | null;
  expiresAt: string;
  renewedAt: string | null;
}

/** A first sync or history import of one folder (status pending, processing, done or dead). */
export interface SyncView {
  kind: string;
  folder: string;
  status: string;
  since: string | null;
  itemsQueued: number;
  startedAt: string;
  finishedAt: string | null;
  lastError: string | null;
}

export interface Mailbox {
  id: string;
  address: string;
  kind: MailboxKind;
  displayName: string | null;
  connectedAt: string;
  connectedByUserId: string | null;
  subscriptions: SubscriptionView[];
  sync: SyncView[];
}

export interface MailboxHealth {
  mailboxId: string;
  address: string;
  kind: MailboxKind;
  subscriptions: SubscriptionView[];
  lastNotificationAt: string | null;
  backlog: number;
  done: number;
  deadLetters: number;
  lastError: string | null;
  sync: SyncView[];
  /** Emails sent from the mailbox that needed a legal basis and went without the send check (one per email). */
  sentWithoutCheck: { last7Days: number; last30Days: number };
}

/** A message that failed too often; `reason` says why in words and what to do. */
export interface DeadLetter {
  id: string;
  folder: string;
  receivedAt: string;
  attempts: number;
  lastError: string | null;
  reason: string;
}

export interface ConnectRequest {
  address: string;
  kind: MailboxKind;
  displayName?: string;
  userId?: string;
  importDays?: number;
}

export interface DoctorFinding {
  check: string;
  status: string;
  summary: string;
  fix: string | null;
}

export interface DoctorReport {
  passed: boolean;
  checks: DoctorFinding[];
}

const at = (id: string) => `/api/mailboxes/${encodeURIComponent(id)}`;

export const listMailboxes = (api: ApiClient, signal?: AbortSignal) => api.send<{ items: Mailbox[] }>("GET", "/api/mailboxes", undefined, signal);
export const connectMailbox = (api: ApiClient, request: ConnectRequest) => api.send<Mailbox>("POST", "/api/mailboxes", request);
export const disconnectMailbox = (api: ApiClient, id: string) => api.send<unknown>("DELETE", at(id));
export const mailboxHealth = (api: ApiClient, id: string, signal?: AbortSignal) => api.send<MailboxHealth>("GET", `${at(id)}/health`, undefined, signal);
export const deadLetters = (api: ApiClient, id: string, cursor?: string, signal?: AbortSignal) =>
  api.send<{ items: DeadLetter[]; nextCursor: string | null }>("GET", `${at(id)}/dead-letters?limit=20${cursor === undefined ? "" : `&cursor=${encodeURIComponent(cursor)}`}`, undefined, signal);
export const retryDeadLetters = (api: ApiClient, id: string) => api.send<{ rows: number }>("POST", `${at(id)}/dead-letters/retry`);
export const retryDeadLetter = (api: ApiClient, id: string, letterId: string) =>
  api.send<{ rows: number }>("POST", `${at(id)}/dead-letters/${encodeURIComponent(letterId)}/retry`);
export const reprocess = (api: ApiClient, id: string, since: string, until: string) =>
  api.send<{ rows: number }>("POST", `${at(id)}/reprocess?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`);
export const importHistory = (api: ApiClient, id: string, days: number) => api.send<{ items: SyncView[] }>("POST", `${at(id)}/import`, { days });
export const runDoctor = (api: ApiClient, mailbox: string, signal?: AbortSignal) =>
  api.send<DoctorReport>("GET", `/api/admin/doctor?mailbox=${encodeURIComponent(mailbox)}`, undefined, signal);
