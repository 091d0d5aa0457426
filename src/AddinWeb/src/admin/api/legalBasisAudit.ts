import type { ApiClient } from "../../api/client";

/** One line of the account's legal-basis audit; `contactState` says whether the contact still exists, was erased or deleted. */
export interface LegalBasisAuditLine {
  id: string;
  occurredAt: string;
  event: string;
  legalBasis: string | null;
  subscriptionType: string | null;
  explanation: string | null;
  reason: string | null;
  trackingId: string | null;
  contactId: string;
  contactState: string;
  contactName: string | null;
  contactAddress: string | null;
  actorUserId: string | null;
  actorName: string | null;
}

/** The filters, each optional: a contact's id, an event, a user's id, and a period (ISO dates). */
export interface AuditFilters {
  contact?: string;
  event?: string;
  user?: string;
  from?: string;
  to?: string;
}

export const auditEvents = [
  "subscriptionChanged", "basisGranted", "basisUsed", "basisWithdrawn", "optedOut", "optOutCleared", "exempted", "sendAllowed", "sendBlocked", "erased", "sentWithoutCheck",
] as const;

export function auditQuery(filters: AuditFilters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === "string" && value !== "") {
      query.set(key, value);
    }
  }
  if (cursor !== undefined) {
    query.set("cursor", cursor);
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

export const legalBasisAuditPage = (api: ApiClient, filters: AuditFilters, cursor?: string, signal?: AbortSignal) =>
  api.send<{ items: LegalBasisAuditLine[]; nextCursor: string | null }>("GET", `/api/admin/legal-basis-audit${auditQuery(filters, cursor)}`, undefined, signal);

export const legalBasisAuditCsv = (api: ApiClient, filters: AuditFilters) => api.download(`/api/admin/legal-basis-audit.csv${auditQuery(filters)}`);
