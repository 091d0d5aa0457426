import type { ApiClient } from "../../api/client";

/** What erasing a contact would do, counted by the erasure's own rules; `related` the rows that go with the record. */
export interface ErasurePreview {
  contactId: string;
  name: string;
  addresses: string[];
  addressesSuppressed: number;
  emailsDeleted: number;
  emailsRedacted: number;
  purgedCopiesDeleted: number;
  related: Record<string, number>;
}

export interface ErasureDone {
  contactId: string;
  addressesErased: number;
  emailsDeleted: number;
  emailsRedacted: number;
}

const at = (id: string) => `/api/contacts/${encodeURIComponent(id)}/erase`;

export const previewErasure = (api: ApiClient, id: string, signal?: AbortSignal) => api.send<ErasurePreview>("GET", `${at(id)}/preview`, undefined, signal);
export const eraseContact = (api: ApiClient, id: string) => api.send<ErasureDone>("POST", at(id), {});
