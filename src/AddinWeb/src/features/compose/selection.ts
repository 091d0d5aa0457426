import type { SuggestedAssociation } from "../../api/compose";

/**
 * Which suggestions start selected: the recipients' contacts and their companies, and the record the email was started
 * from. Deals and tickets are offered, not assumed — the rep ticks the one the email is about.
 */
export function defaultSelection(suggestions: SuggestedAssociation[]): Set<string> {
  return new Set(
    suggestions
      .filter((suggestion) => suggestion.reason === "recipient" || suggestion.reason === "started from this record" || suggestion.type === "company")
      .map((suggestion) => suggestion.id),
  );
}

/**
 * New suggestions (a recipient added) join with their defaults; what the rep already chose is kept. With nothing new
 * the same set comes back, so React sees no change and the log intent is not saved again.
 */
export function mergeSelection(current: ReadonlySet<string>, known: ReadonlySet<string>, suggestions: SuggestedAssociation[]): ReadonlySet<string> {
  const added = [...defaultSelection(suggestions.filter((suggestion) => !known.has(suggestion.id)))].filter((id) => !current.has(id));
  return added.length === 0 ? current : new Set([...current, ...added]);
}

/** The selection with one record ticked or unticked. */
export function toggled(current: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(current);
  if (on) {
    next.add(id);
  } else {
    next.delete(id);
  }
  return next;
}

/**
 * The closed tickets the rep confirmed that are still ticked: the API takes a confirmation only for one of the email's
 * records, and unticking a ticket withdraws what was said about it.
 */
export function stillTicked(confirmed: ReadonlySet<string>, selected: ReadonlySet<string>): string[] {
  return [...confirmed].filter((id) => selected.has(id));
}
