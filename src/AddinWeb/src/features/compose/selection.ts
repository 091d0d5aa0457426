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

/** New suggestions (a recipient added) join with their defaults; what the rep already chose is kept. */
export function mergeSelection(current: ReadonlySet<string>, known: ReadonlySet<string>, suggestions: SuggestedAssociation[]): Set<string> {
  const next = new Set(current);
  for (const id of defaultSelection(suggestions.filter((suggestion) => !known.has(suggestion.id)))) {
    next.add(id);
  }
  return next;
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
