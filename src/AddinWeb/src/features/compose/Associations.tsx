import { Caption1, Checkbox, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { ApiClient } from "../../api/client";
import type { SuggestedAssociation } from "../../api/compose";
import type { RecordSummary } from "../../api/records";
import { typeLabel } from "../records/format";
import { RecordSearch } from "../records/RecordSearch";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "stretch", rowGap: tokens.spacingVerticalXS },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
});

/** A record the rep added by hand (search) or that came with the message (a reply's records), and why. */
export interface PickedRecord extends RecordSummary {
  reason: string;
}

/** "Log to CRM" (on by default) and the records the email is logged to, chosen from the suggestions. */
export function Associations({
  log,
  onLogChange,
  suggestions,
  picked,
  selected,
  onToggle,
  search,
}: {
  log: boolean;
  onLogChange: (log: boolean) => void;
  suggestions: SuggestedAssociation[];
  picked: PickedRecord[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  search: { api: ApiClient; onPick: (record: RecordSummary) => void };
}) {
  const styles = useStyles();
  const offered = [
    ...suggestions,
    ...picked.filter((record) => !suggestions.some((suggestion) => suggestion.id === record.id)),
  ];
  return (
    <section aria-label="Logging" className={styles.root}>
      <Switch checked={log} onChange={(_, data) => onLogChange(data.checked)} label="Log to CRM" />
      {log ? (
        <>
          <Subtitle2 as="h2">Log to</Subtitle2>
          {offered.length === 0 ? <Caption1>No records yet: add recipients that are contacts, or search for any record.</Caption1> : null}
          <ul className={styles.list}>
            {offered.map((suggestion) => (
              <li key={suggestion.id}>
                <Checkbox
                  checked={selected.has(suggestion.id)}
                  onChange={(_, data) => onToggle(suggestion.id, data.checked === true)}
                  label={`${suggestion.name} (${typeLabel(suggestion.type)}) — ${suggestion.reason}`}
                />
              </li>
            ))}
          </ul>
          <RecordSearch api={search.api} label="Add any record" onPick={search.onPick} />
        </>
      ) : null}
    </section>
  );
}
