import type { Card, RecordSummary } from "../../api/records";

/** A record "Log this email" offers, and whether it starts ticked. */
export interface LogChoice extends RecordSummary {
  reason: string;
  ticked: boolean;
}

/**
 * What a read email can be logged to: the people's contacts and their companies (ticked), their open deals and
 * tickets (offered, not assumed — the rep ticks the one the email is about), then anything the rep found by search.
 * Records the email is already logged to are left out.
 */
export function logChoices(contacts: { id: string; name: string }[], cards: ReadonlyMap<string, Card>, found: RecordSummary[], loggedTo: RecordSummary[]): LogChoice[] {
  const choices: LogChoice[] = [];
  const add = (record: RecordSummary, reason: string, ticked: boolean) => {
    if (!choices.some((choice) => choice.id === record.id) && !loggedTo.some((logged) => logged.id === record.id)) {
      choices.push({ id: record.id, type: record.type, name: record.name, reason, ticked });
    }
  };
  for (const contact of contacts) {
    add({ id: contact.id, type: "contact", name: contact.name }, "on this email", true);
  }
  for (const contact of contacts) {
    const card = cards.get(contact.id);
    card?.companies.forEach((company) => add(company, `company of ${contact.name}`, true));
    card?.deals.filter((deal) => deal.open).forEach((deal) => add({ id: deal.id, type: "deal", name: deal.name }, `open deal of ${contact.name}`, false));
    card?.openTickets.forEach((ticket) => add({ id: ticket.id, type: "ticket", name: ticket.name }, `open ticket of ${contact.name}`, false));
  }
  found.forEach((record) => add(record, "found by you", true));
  return choices;
}
