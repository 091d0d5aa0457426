import type { MailboxKind } from "../api/mailboxes";

/** What each kind of mailbox is for, in the words the console uses. */
export const kindLabels: Record<MailboxKind, string> = {
  personal: "Personal (one rep's own)",
  team: "Team (a shared sales or account inbox)",
  helpdesk: "Help desk (replies are logged to tickets; a send creates one)",
};

export const kindShort: Record<MailboxKind, string> = { personal: "Personal", team: "Team", helpdesk: "Help desk" };
