import type { ApiClient } from "./client";

export interface RecordSummary {
  id: string;
  type: string;
  name: string;
}

export interface Card {
  id: string;
  type: string;
  name: string;
  title: string | null;
  email: string | null;
  owner: { id: string; name: string } | null;
  contacts: { id: string; name: string; email: string | null }[];
  companies: RecordSummary[];
  deals: { id: string; name: string; stage: string | null; open: boolean }[];
  openTickets: { id: string; name: string; status: string | null }[];
  lastActivity: { emailId: string; title: string; at: string } | null;
}

export interface Person {
  address: string;
  name: string | null;
}

export interface TimelineItem {
  emailId: string;
  kind: "email" | "reply" | "forward";
  direction: "outgoing" | "incoming";
  title: string;
  from: Person;
  to: Person[];
  cc: Person[];
  sentAt: string;
  preview: string;
  loggedBecause: string;
  /** Library items inserted into it: "Template: Pricing follow-up". */
  inserted: string[];
  /** When the account's retention removed its body (and preview); null while it is kept. */
  bodyPurgedAt: string | null;
}

/** GET /api/cards: what the pane shows of each record, in the order asked; ids it may not see are left out. */
export const cards = (api: ApiClient, ids: string[], signal?: AbortSignal) =>
  api.send<{ items: Card[] }>("GET", `/api/cards?${ids.map((id) => `id=${encodeURIComponent(id)}`).join("&")}`, undefined, signal);

/** GET /api/records/{type}/{id}/timeline: the newest logged emails first. */
export const timeline = (api: ApiClient, record: RecordSummary, limit: number, signal?: AbortSignal) =>
  api.send<{ items: TimelineItem[]; nextCursor: string | null }>(
    "GET",
    `/api/records/${encodeURIComponent(record.type)}/${encodeURIComponent(record.id)}/timeline?limit=${limit}`,
    undefined,
    signal,
  );

/** GET /api/search: records of every type by name, address or domain. */
export const search = (api: ApiClient, query: string, signal?: AbortSignal) =>
  api.send<{ items: RecordSummary[] }>("GET", `/api/search?q=${encodeURIComponent(query)}&limit=10`, undefined, signal);

export interface NewContact {
  contact: { id: string; name: string };
  company: RecordSummary | null;
  companyCreated: boolean;
}

/** POST /api/contacts/from-address: the contact, joined to the company its domain names (found or created). */
export const createContact = (api: ApiClient, address: string, name?: string) =>
  api.send<NewContact>("POST", "/api/contacts/from-address", { address, ...(name === undefined ? {} : { name }) });
