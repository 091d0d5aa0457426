import type { ApiClient } from "../../api/client";

export interface NeverLogEntry {
  id: string;
  kind: "address" | "domain";
  value: string;
  scope: "account" | "personal";
}

export interface NeverLogCreated {
  entry: NeverLogEntry;
  purged: number;
  restorableUntil: string | null;
}

export const listNeverLog = (api: ApiClient, signal?: AbortSignal) => api.send<{ items: NeverLogEntry[] }>("GET", "/api/never-log", undefined, signal);
/** Without `confirmPurge` the API refuses (409) when logged emails would be removed, saying how many. */
export const addNeverLog = (api: ApiClient, value: string, scope: "account" | "personal", confirmPurge: boolean) =>
  api.send<NeverLogCreated>("POST", "/api/never-log", { value, scope, confirmPurge });
export const removeNeverLog = (api: ApiClient, id: string) => api.send<undefined>("DELETE", `/api/never-log/${encodeURIComponent(id)}`);
export const restoreNeverLog = (api: ApiClient, id: string) => api.send<unknown>("POST", `/api/never-log/${encodeURIComponent(id)}/restore`);

/** What adding the entry would purge (the same rules as adding it), with a few of the newest emails: subject and date. */
export interface NeverLogPreview {
  entry: NeverLogEntry;
  wouldPurge: number;
  sample: { id: string; subject: string; sentAt: string }[];
  restorableForDays: number;
}

export const previewNeverLog = (api: ApiClient, value: string, scope: "account" | "personal") =>
  api.send<NeverLogPreview>("GET", `/api/never-log/preview?value=${encodeURIComponent(value)}&scope=${scope}`);
