import type { ApiClient } from "../../api/client";

/** One line of the account audit: an admin action (settings before and after, purges, connections) or a refusal. */
export interface AuditLine {
  id: string;
  occurredAt: string;
  actor: string;
  actorUserId: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  count: number | null;
}

export const auditPage = (api: ApiClient, cursor: string | null, signal?: AbortSignal) =>
  api.send<{ items: AuditLine[]; nextCursor: string | null }>("GET", `/api/audit?limit=25${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`, undefined, signal);
