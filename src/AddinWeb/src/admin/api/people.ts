import type { ApiClient } from "../../api/client";

/** A user who has signed in: their roles as their last token gave them, when last seen, their connected mailboxes. */
export interface Person {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  lastSeenAt: string | null;
  firstSeenAt: string;
  /** `relation`: whether the person owns the mailbox (their own) or connected it for others. */
  mailboxes: { id: string; address: string; kind: string; relation: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const listPeople = (api: ApiClient, cursor?: string, signal?: AbortSignal) =>
  api.send<Page<Person>>("GET", `/api/admin/people${cursor === undefined ? "" : `?cursor=${encodeURIComponent(cursor)}`}`, undefined, signal);
