import type { ApiClient } from "./client";

/** What is logged without the pane: sent mail, received mail, and which open deals and tickets it also goes to. */
export type OutgoingPolicy = "pane" | "knownContacts" | "anyExternal";
export type IncomingPolicy = "none" | "replies" | "knownContacts";
export type AssociationRule = "none" | "mostRecentOpen" | "allOpen";

export interface LoggingPolicy {
  outgoing: OutgoingPolicy;
  incoming: IncomingPolicy;
  associations: AssociationRule;
}

/**
 * GET /api/me/logging: the caller's own choice (null: the account's), whether they may choose, the policy that applies
 * to their mail, and the account's own.
 */
export interface MyLogging {
  outgoing: OutgoingPolicy | null;
  incoming: IncomingPolicy | null;
  mayOverride: boolean;
  effective: LoggingPolicy;
  account: LoggingPolicy;
}

export interface MyLoggingChange {
  outgoing: OutgoingPolicy | null;
  incoming: IncomingPolicy | null;
}

export const getMyLogging = (api: ApiClient, signal?: AbortSignal) => api.send<MyLogging>("GET", "/api/me/logging", undefined, signal);
export const putMyLogging = (api: ApiClient, change: MyLoggingChange) => api.send<MyLogging>("PUT", "/api/me/logging", change);
