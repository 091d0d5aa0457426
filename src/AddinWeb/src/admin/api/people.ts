import type { ApiClient } from "../../api/client";

/** A user who has signed in: their roles as their last token gave them, when last seen, their connected mailboxes. */
export interface Person {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  lastSeenAt: string | null;
  mailboxes: { id: string; address: string; kind: string }[];
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export const listPeople = (api: ApiClient, cursor?: string, signal?: AbortSignal) =>
  api.send<Page<Person>>("GET", `/api/admin/people${cursor === undefined ? "" : `?cursor=${encodeURIComponent(cursor)}`}`, undefined, signal);
