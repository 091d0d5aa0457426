import type { ApiClient } from "../../api/client";

export type FlowState = "green" | "amber" | "red";

export interface FlowProblem {
  state: FlowState;
  reason: string;
  fix: string;
}

/** One mailbox's flow; hourly series are dense, element i the hour starting at `hoursFrom` + i hours. */
export interface MailboxFlow {
  id: string;
  address: string;
  kind: string;
  displayName: string | null;
  state: FlowState;
  reason: string;
  fix: string | null;
  problems: FlowProblem[];
  notifications: number[];
  emailsLogged: number[];
  notificationsLast24Hours: number;
  emailsLoggedLast24Hours: number;
  backlog: number;
  retrying: number;
  deadLetters: number;
  lagP95LastHourSeconds: number | null;
  lagP95Last24HoursSeconds: number | null;
  subscriptions: { folder: string; status: string; expiresAt: string | null }[];
  subscriptionsExpiringSoon: number;
  lastNotificationAt: string | null;
  lastError: string | null;
  lastErrorDetail: string | null;
  firstSync: { folders: string[]; itemsQueued: number } | null;
}

export interface Overview {
  generatedAt: string;
  hoursFrom: string;
  hourCount: number;
  totals: {
    notifications: number[];
    emailsLogged: number[];
    notificationsLast24Hours: number;
    emailsLoggedLast24Hours: number;
    backlog: number;
    deadLetters: number;
    lagP95LastHourSeconds: number | null;
    lagP95Last24HoursSeconds: number | null;
    subscriptionsExpiringSoon: number;
    states: { green: number; amber: number; red: number };
  };
  mailboxes: MailboxFlow[];
}

export const getOverview = (api: ApiClient, signal?: AbortSignal) => api.send<Overview>("GET", "/api/admin/overview", undefined, signal);
