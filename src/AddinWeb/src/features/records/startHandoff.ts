import type { RecordSummary } from "../../api/records";

/**
 * "Email" on a record opens a new Outlook message; the pane that opens beside it is a new instance of the add-in.
 * The record is handed over through the add-in's own origin storage: written just before the message form opens,
 * taken once by the next compose pane, and ignored when older than a couple of minutes (a form the rep never opened
 * must not pre-associate a later, unrelated email). Record ids only: no tokens, no personal data.
 */
const key = "outlookcrm.startedFrom";
export const handoffLifetimeMs = 2 * 60_000;

interface Handoff {
  record: RecordSummary;
  at: number;
}

export function leaveStart(storage: Storage, record: RecordSummary, now: number = Date.now()): void {
  storage.setItem(key, JSON.stringify({ record: { id: record.id, type: record.type, name: record.name }, at: now } satisfies Handoff));
}

/** The record the new message was started from, once; undefined when there is none or it is stale or unreadable. */
export function takeStart(storage: Storage, now: number = Date.now()): RecordSummary | undefined {
  const text = storage.getItem(key);
  storage.removeItem(key);
  if (text === null) {
    return undefined;
  }
  try {
    const handoff = JSON.parse(text) as Partial<Handoff>;
    const record = handoff.record;
    const fresh = typeof handoff.at === "number" && now - handoff.at >= 0 && now - handoff.at <= handoffLifetimeMs;
    return fresh && typeof record?.id === "string" && typeof record.type === "string" && typeof record.name === "string" ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Who "Email" puts in To: a contact's own address, the contacts of a built-in record, nobody for a custom object. */
export function startRecipients(card: { type: string; email: string | null; contacts: { email: string | null }[] }): string[] {
  if (card.type === "contact") {
    return card.email === null ? [] : [card.email];
  }
  if (!["company", "deal", "ticket"].includes(card.type)) {
    return [];
  }
  return [...new Set(card.contacts.flatMap((contact) => (contact.email === null ? [] : [contact.email])))];
}

let thisPane: { record: RecordSummary | undefined } | undefined;

/** The record this pane's message was started from: taken from storage on first ask, the same answer after. */
export function startOfThisPane(): RecordSummary | undefined {
  thisPane ??= { record: takeStart(localStorage) };
  return thisPane.record;
}
