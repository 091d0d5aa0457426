/** The compose item's body and subject, as Outlook's editor has them: what inserting library content reads and writes. */

import { call, supports, composeItem } from "./core";

/** Inserts HTML at the cursor of the message body (Mailbox 1.1), replacing any selection. */
export async function insertHtml(html: string): Promise<void> {
  const current = composeItem();
  if (current === undefined) {
    throw new Error("Content can only be inserted while writing an email.");
  }
  await call<unknown>((cb) => current.body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, cb));
}

export async function getSubject(): Promise<string> {
  const current = composeItem();
  return current === undefined ? "" : call<string>((cb) => current.subject.getAsync(cb));
}

export async function setSubject(subject: string): Promise<void> {
  const current = composeItem();
  if (current !== undefined) {
    await call<unknown>((cb) => current.subject.setAsync(subject, cb));
  }
}

/** The HTML the rep has selected in the body (Mailbox 1.2), else the whole body (1.3): what "save as template" keeps. */
export async function selectedOrWholeBody(): Promise<{ html: string; whole: boolean }> {
  const current = composeItem();
  if (current === undefined) {
    return { html: "", whole: true };
  }
  if (supports("1.2")) {
    const selected = await call<{ data: string }>((cb) => current.getSelectedDataAsync(Office.CoercionType.Html, cb));
    if (selected.data.trim() !== "") {
      return { html: selected.data, whole: false };
    }
  }
  return { html: supports("1.3") ? await call<string>((cb) => current.body.getAsync(Office.CoercionType.Html, cb)) : "", whole: true };
}
