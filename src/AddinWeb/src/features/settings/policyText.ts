import type { AssociationRule, IncomingPolicy, OutgoingPolicy } from "../../api/logging";

/** The policies in the rep's own words: what happens to *their* mail. */
export const outgoingText: Record<OutgoingPolicy, string> = {
  pane: "Only the emails I choose to log in the pane, and replies in logged conversations",
  knownContacts: "Every email I send to a contact in the CRM",
  anyExternal: "Every email I send to someone outside the organisation",
};

export const incomingText: Record<IncomingPolicy, string> = {
  none: "None",
  replies: "Replies in logged conversations",
  knownContacts: "Every email from a contact in the CRM",
};

export const associationsText: Record<AssociationRule, string> = {
  none: "the contact and its company",
  mostRecentOpen: "the contact, its company, and its most recently changed open deal and open ticket",
  allOpen: "the contact, its company, and all its open deals and tickets",
};

/** A radio group's value: a policy, or "account" for the organisation's setting (null on the wire). */
export const accountChoice = "account";

export const toChoice = (value: string | null): string => value ?? accountChoice;

export function fromChoice<T extends string>(choice: string, allowed: Record<T, string>): T | null {
  // Own keys only: "toString" is `in` every object.
  return Object.keys(allowed).includes(choice) ? (choice as T) : null;
}
