/** The answer of POST /api/compose/send-check. */
export interface SendCheck {
  allowed: boolean;
  blockers: { address: string; contactId: string | null; contactName: string | null; reason: string; fixes: string[] }[];
}

/** What OnMessageSend answers Outlook (Smart Alerts), and whether the email must be marked for review. */
export interface SendDecision {
  allowEvent: boolean;
  errorMessage?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: string;
  review?: string;
}

/** The check made when the recipients last changed, kept in the item's session data for the send handler. */
export interface Precheck {
  fingerprint: string;
  allowed: boolean;
}

export const PrecheckKey = "outlookcrm.precheck";

/** The precheck still applies only to the same recipients (any order, any case). */
export function fingerprint(recipients: { to: string[]; cc: string[]; bcc: string[] }): string {
  return [...recipients.to, ...recipients.cc, ...recipients.bcc].map((address) => address.trim().toLowerCase()).sort().join(",");
}

/** The stored precheck for these recipients, or undefined (none, unreadable, or other recipients). */
export function precheckFor(stored: string | undefined, recipients: { to: string[]; cc: string[]; bcc: string[] }): Precheck | undefined {
  try {
    const precheck = stored === undefined ? undefined : (JSON.parse(stored) as Partial<Precheck>);
    return typeof precheck?.allowed === "boolean" && precheck.fingerprint === fingerprint(recipients) ? { fingerprint: precheck.fingerprint, allowed: precheck.allowed } : undefined;
  } catch {
    return undefined;
  }
}

/** The compose button's id in the manifest: "Fix in OutlookCrm" opens the pane on the blocked email. */
export const ComposePaneCommand = "OutlookCrm.ComposePane";

/** Outlook shows at most 500 characters; the button label at most 20. */
export const MaxMessageLength = 500;

const reasons: Record<string, string> = {
  globallyOptedOut: "opted out of email",
  unsubscribed: "unsubscribed from one-to-one email",
  noLegalBasis: "no legal basis",
  noRecord: "not in the CRM",
};

/**
 * The decision for a send: allowed when the CRM allows it; blocked (SoftBlock) with the contacts named and a button to
 * the pane when it does not; allowed and marked for review when the CRM could not answer in time — an outage of the
 * CRM must never stop all mail.
 */
export function decideSend(check: SendCheck | "unavailable", precheck?: Precheck): SendDecision {
  if (check === "unavailable") {
    // What the check said when the recipients last changed (if they are still the same) tells the reviewer where to look.
    const known = precheck === undefined ? "" : precheck.allowed ? "; allowed when the recipients were last checked" : "; blocked when the recipients were last checked";
    return { allowEvent: true, review: `sendCheckUnavailable${known}` };
  }
  if (check.allowed) {
    return { allowEvent: true };
  }
  const named = check.blockers.map((blocker) => `${blocker.contactName ?? blocker.address} (${reasons[blocker.reason] ?? blocker.reason.replace(/([A-Z])/g, " $1").toLowerCase()})`);
  return {
    allowEvent: false,
    errorMessage: messageFor(named),
    cancelLabel: "Fix in OutlookCrm",
    commandId: ComposePaneCommand,
    contextData: JSON.stringify({ blocked: check.blockers.map((blocker) => blocker.contactId ?? blocker.address) }),
  };
}

/** "No legal basis to email A (…), B (…) and 3 more. …" within Outlook's 500 characters. */
export function messageFor(named: string[]): string {
  const ending = " Give a basis in OutlookCrm, or remove them.";
  const start = "OutlookCrm: no legal basis to email ";
  for (let shown = named.length; shown >= 1; shown--) {
    const rest = named.length - shown;
    const list = named.slice(0, shown).join(", ") + (rest === 0 ? "" : ` and ${rest} more`);
    const message = `${start}${list}.${ending}`;
    if (message.length <= MaxMessageLength) {
      return message;
    }
  }
  return `${start}${named.length} recipients.${ending}`.slice(0, MaxMessageLength);
}
