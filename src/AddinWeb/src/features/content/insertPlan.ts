import type { ContentKind, Rendered } from "../../api/content";

/** What inserting an item does to the message: the HTML at the cursor, and a template's subject when there is none yet. */
export interface InsertPlan {
  html: string;
  subject?: string;
}

export function insertPlan(kind: ContentKind, rendered: Rendered, currentSubject: string): InsertPlan {
  const subject = kind === "template" && currentSubject.trim() === "" && rendered.subject !== null && rendered.subject !== "" ? rendered.subject : undefined;
  return subject === undefined ? { html: rendered.html } : { html: rendered.html, subject };
}

/** "contact.firstName" → "the contact's first name": what the pane says is missing before inserting. */
export function missingLabel(path: string): string {
  const [record = "", field = ""] = path.split(".");
  const words = field.replace(/([A-Z])/g, " $1").toLowerCase();
  return record === "sender" ? `your ${words}` : `the ${record}'s ${words}`;
}
