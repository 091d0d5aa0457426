/** Words for the values the API sends as identifiers, and dates as a rep reads them. */

const stageLabels: Record<string, string> = {
  appointmentScheduled: "Appointment scheduled",
  qualifiedToBuy: "Qualified to buy",
  presentationScheduled: "Presentation scheduled",
  decisionMakerBoughtIn: "Decision maker bought in",
  contractSent: "Contract sent",
  closedWon: "Closed won",
  closedLost: "Closed lost",
  new: "New",
  waitingOnContact: "Waiting on contact",
  waitingOnUs: "Waiting on us",
  closed: "Closed",
};

/** A deal stage or ticket status in words; an unknown (custom) value is shown as it is. */
export function stageLabel(value: string | null): string {
  return value === null ? "" : (stageLabels[value] ?? value);
}

/** "today 14:05", "yesterday", "3 days ago", then the date: how long ago matters more than when. */
export function whenLabel(at: string, now: Date = new Date()): string {
  const then = new Date(at);
  const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(then)) / 86_400_000);
  if (days <= 0) {
    return `today ${then.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}`;
  }
  if (days === 1) {
    return "yesterday";
  }
  if (days < 7) {
    return `${days} days ago`;
  }
  return then.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** A record type as a label: built-in types by name, a custom object type capitalised. */
export function typeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
