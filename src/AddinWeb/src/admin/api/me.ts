import type { ApiClient } from "../../api/client";

/** GET /api/me: who the API takes the caller to be; `isAdmin` is Crm.Admin in this request's token. */
export interface Me {
  userId: string;
  accountId: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
}

export const getMe = (api: ApiClient, signal?: AbortSignal) => api.send<Me>("GET", "/api/me", undefined, signal);
