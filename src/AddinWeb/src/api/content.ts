import type { ApiClient } from "./client";

export type ContentKind = "template" | "snippet" | "document" | "meeting" | "quote" | "kb";
export type Sharing = "private" | "team" | "everyone";

export interface ContentItem {
  id: string;
  kind: ContentKind;
  name: string;
  subject?: string;
  bodyHtml?: string;
  url?: string;
  sharing: Sharing;
  owner: { id: string; name: string };
  mine: boolean;
  quote?: { dealId: string; currency: string; total: number; expiresAt: string };
}

/** What the pane inserts: a template's subject, the HTML, and the tokens that had no value. */
export interface Rendered {
  subject: string | null;
  html: string;
  missing: string[];
}

export const kindLabels: Record<ContentKind, string> = {
  template: "Template",
  snippet: "Snippet",
  document: "Document",
  meeting: "Meeting link",
  quote: "Quote",
  kb: "Knowledge base",
};

/** GET /api/content: what the rep may use, by kind and name or text. */
export const searchContent = (api: ApiClient, query: string, kind: ContentKind | undefined, signal?: AbortSignal) => {
  const parameters = new URLSearchParams({ limit: "20" });
  if (query.trim() !== "") {
    parameters.set("q", query.trim());
  }
  if (kind !== undefined) {
    parameters.set("kind", kind);
  }
  return api.send<{ items: ContentItem[] }>("GET", `/api/content?${parameters.toString()}`, undefined, signal);
};

/** POST /api/content/{id}/render: the item personalised for the email's records. */
export const renderContent = (api: ApiClient, id: string, recordIds: string[]) =>
  api.send<Rendered>("POST", `/api/content/${encodeURIComponent(id)}/render`, { recordIds });

export const createContent = (api: ApiClient, item: { kind: "template" | "snippet"; name: string; subject?: string; bodyHtml: string; sharing: Sharing; teamId?: string }) =>
  api.send<ContentItem>("POST", "/api/content", item);

export const changeContent = (api: ApiClient, id: string, changes: { name?: string; sharing?: Sharing; bodyHtml?: string }) =>
  api.send<ContentItem>("PATCH", `/api/content/${encodeURIComponent(id)}`, changes);

export const deleteContent = (api: ApiClient, id: string) => api.send<undefined>("DELETE", `/api/content/${encodeURIComponent(id)}`);

export interface Team {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}

/** GET /api/teams: the account's teams, to share content with one the rep is in. */
export const teams = (api: ApiClient) => api.send<{ items: Team[] }>("GET", "/api/teams");

/** GET /api/me: who the pane is signed in as. */
export const me = (api: ApiClient) => api.send<{ userId: string }>("GET", "/api/me");
