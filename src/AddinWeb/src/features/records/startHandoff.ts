import type { RecordSummary } from "../../api/records";

/**
 * "Email" on a record, or "Reply" on a timeline, opens a new Outlook message; the pane that opens beside it is a new
 * instance of the add-in. What it should know is handed over through the add-in's own origin storage: written just
 * before the message form opens, taken once by the next compose pane, and ignored when older than a couple of minutes
 * (a form the rep never opened must not pre-associate a later, unrelated email). Record ids and names only: no
 * tokens, no addresses.
 */
const key = "outlookcrm.startedFrom";
export const handoffLifetimeMs = 2 * 60_000;

export type ComposeType = "newMail" | "reply" | "forward";

/** What a new message starts with: the record it was started from, records picked already, what kind of email it is. */
export interface Start {
  record?: RecordSummary;
  picked: RecordSummary[];
  composeType?: ComposeType;
}

const summary = (record: RecordSummary): RecordSummary => ({ id: record.id, type: record.type, name: record.name });

const isSummary = (value: unknown): value is RecordSummary =>
  typeof value === "object" && value !== null && ["id", "type", "name"].every((field) => typeof (value as Record<string, unknown>)[field] === "string");

export function leaveStart(storage: Storage, start: Start, now: number = Date.now()): void {
  const { record, picked, composeType } = start;
  storage.setItem(key, JSON.stringify({ record: record === undefined ? undefined : summary(record), picked: picked.map(summary), composeType, at: now }));
}

/** What the new message was started with, once; undefined when there is nothing, or it is stale or unreadable. */
export function takeStart(storage: Storage, now: number = Date.now()): Start | undefined {
  const text = storage.getItem(key);
  storage.removeItem(key);
  if (text === null) {
    return undefined;
  }
  try {
    const handoff = JSON.parse(text) as Record<string, unknown>;
    const at = handoff.at;
    if (typeof at !== "number" || now - at < 0 || now - at > handoffLifetimeMs) {
      return undefined;
    }
    const record = isSummary(handoff.record) ? handoff.record : undefined;
    const picked = Array.isArray(handoff.picked) ? handoff.picked.filter(isSummary) : [];
    const composeType = handoff.composeType === "reply" || handoff.composeType === "forward" || handoff.composeType === "newMail" ? handoff.composeType : undefined;
    return record === undefined && picked.length === 0 ? undefined : { ...(record === undefined ? {} : { record }), picked, ...(composeType === undefined ? {} : { composeType }) };
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

let thisPane: { start: Start | undefined } | undefined;

/** What this pane's message was started with: taken from storage on first ask, the same answer after. */
export function startOfThisPane(): Start | undefined {
  thisPane ??= { start: takeStart(localStorage) };
  return thisPane.start;
}
