import type { AddressMatches } from "../../api/lookup";

/** One person on a read item as the pane shows them: sender or recipient, and the contacts the address matches. */
export interface Person {
  role: "from" | "to" | "cc";
  address: string;
  contacts: { id: string; name: string; companies: string; chosen: boolean }[];
  /** Several contacts share the address and the rep has not picked one: the pane asks, never guesses. */
  needsPick: boolean;
}

/**
 * The sender first, then To and Cc, each address once, the signed-in rep left out (they are not the customer); every
 * matching contact of an address is listed, the rep's pick marked.
 */
export function people(
  from: string | undefined,
  recipients: { to: string[]; cc: string[] },
  me: string | undefined,
  results: AddressMatches[],
): Person[] {
  const byAddress = new Map(results.map((result) => [result.email.toLowerCase(), result]));
  const seen = new Set(me === undefined ? [] : [me.toLowerCase()]);
  const listed: { role: Person["role"]; address: string }[] = [
    ...(from === undefined ? [] : [{ role: "from" as const, address: from }]),
    ...recipients.to.map((address) => ({ role: "to" as const, address })),
    ...recipients.cc.map((address) => ({ role: "cc" as const, address })),
  ];
  const shown: Person[] = [];
  for (const { role, address } of listed) {
    const key = address.toLowerCase();
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const match = byAddress.get(key);
    const contacts = (match?.contacts ?? []).map((contact) => ({
      id: contact.id,
      name: contact.name,
      companies: contact.companies.map((company) => company.name).join(", "),
      chosen: contact.id === match?.chosenContactId,
    }));
    shown.push({ role, address, contacts, needsPick: contacts.length > 1 && !contacts.some((contact) => contact.chosen) });
  }
  return shown;
}

/** The addresses to look up for a read item: the same ones `people` shows. */
export function addressesOf(from: string | undefined, recipients: { to: string[]; cc: string[] }, me: string | undefined): string[] {
  return people(from, recipients, me, []).map((person) => person.address);
}

/** Each person's contact when it is certain (one match, or the rep's pick), once each, in the people's order. */
export function certainContacts(shown: Person[]): { id: string; name: string }[] {
  const certain: { id: string; name: string }[] = [];
  for (const person of shown) {
    const contact = person.contacts.length === 1 ? person.contacts[0] : person.contacts.find((candidate) => candidate.chosen);
    if (contact !== undefined && !certain.some((known) => known.id === contact.id)) {
      certain.push({ id: contact.id, name: contact.name });
    }
  }
  return certain;
}

/** Whose timeline the read pane shows: the first person whose contact is certain. */
export function focusContact(shown: Person[]): { id: string; name: string } | undefined {
  return certainContacts(shown)[0];
}
