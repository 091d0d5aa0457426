import type { ApiClient } from "./client";

export interface MatchedContact {
  id: string;
  name: string;
  ownerId: string | null;
  primaryEmail: string | null;
  emails: string[];
  companies: { id: string; name: string; domain: string | null }[];
}

/** One asked address and every contact that has it; `chosenContactId` is the rep's pick when several share it. */
export interface AddressMatches {
  email: string;
  contacts: MatchedContact[];
  chosenContactId?: string | null;
}

/** GET /api/lookup: every contact of each address, with their companies. */
export const lookup = (api: ApiClient, addresses: string[], signal?: AbortSignal) =>
  api.send<{ results: AddressMatches[] }>("GET", `/api/lookup?${addresses.map((address) => `email=${encodeURIComponent(address)}`).join("&")}`, undefined, signal);

/** PUT /api/address-choices: remember which contact an ambiguous address means to this rep. */
export const chooseContact = (api: ApiClient, address: string, contactId: string) =>
  api.send("PUT", "/api/address-choices", { address, contactId });
