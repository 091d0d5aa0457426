import type { Fix, RecipientResult, RecipientStatus } from "../../api/compose";

export type Tone = "success" | "warning" | "danger" | "informative" | "subtle";

/** What the pane shows beside one recipient: a badge, who it is, and the fixes on offer. */
export interface RecipientBadge {
  address: string;
  field: RecipientResult["field"];
  label: string;
  tone: Tone;
  /** Every matching contact: an ambiguous address is shown, never resolved silently. */
  contacts: { id: string; name: string; chosen: boolean; label: string; tone: Tone; fixes: Fix[] }[];
  fixes: Fix[];
  blocksSend: boolean;
}

const labels: Record<RecipientStatus, { label: string; tone: Tone }> = {
  ok: { label: "OK", tone: "success" },
  needsBasis: { label: "Needs basis", tone: "warning" },
  optedOut: { label: "Opted out", tone: "danger" },
  exempt: { label: "Exempt (ticket)", tone: "informative" },
  internal: { label: "Internal", tone: "subtle" },
  noRecord: { label: "No record", tone: "subtle" },
};

/** Turns the compose context into the badges the pane shows; pure, so every rule of presentation is a unit test. */
export function badges(recipients: RecipientResult[], unknownRecipients: "warn" | "block"): RecipientBadge[] {
  return recipients.map((recipient) => {
    const look = labels[recipient.status];
    const blocksSend =
      recipient.status === "needsBasis" || recipient.status === "optedOut" || (recipient.status === "noRecord" && unknownRecipients === "block");
    return {
      address: recipient.address,
      field: recipient.field,
      label: recipient.contacts.length > 1 ? `${look.label} · ${recipient.contacts.length} contacts` : look.label,
      tone: look.tone,
      contacts: recipient.contacts.map((contact) => ({
        id: contact.id,
        name: contact.name,
        chosen: contact.id === recipient.chosenContactId,
        label: labels[contact.status].label,
        tone: labels[contact.status].tone,
        fixes: contact.fixes,
      })),
      fixes: recipient.fixes,
      blocksSend,
    };
  });
}

/** The fix buttons' wording. An opted-out contact is only offered the transactional one-time basis. */
export function fixLabel(fix: Fix): string {
  switch (fix) {
    case "addOneToOneSubscription":
      return "Add One to One subscription";
    case "oneTimeBasis":
      return "Give a one-time legal basis";
    case "transactionalOneTimeBasis":
      return "One-time basis for a transactional email";
    case "createContact":
      return "Create contact";
  }
}
