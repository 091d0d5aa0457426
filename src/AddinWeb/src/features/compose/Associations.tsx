import { Caption1, Checkbox, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { SuggestedAssociation } from "../../api/compose";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
});

/** "Log to CRM" (on by default) and the records the email is logged to, chosen from the suggestions. */
export function Associations({
  log,
  onLogChange,
  suggestions,
  selected,
  onToggle,
}: {
  log: boolean;
  onLogChange: (log: boolean) => void;
  suggestions: SuggestedAssociation[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <section aria-label="Logging">
      <Switch checked={log} onChange={(_, data) => onLogChange(data.checked)} label="Log to CRM" />
      {log ? (
        <>
          <Subtitle2 as="h2">Log to</Subtitle2>
          {suggestions.length === 0 ? <Caption1>No records yet: add recipients that are contacts.</Caption1> : null}
          <ul className={styles.list}>
            {suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                <Checkbox
                  checked={selected.has(suggestion.id)}
                  onChange={(_, data) => onToggle(suggestion.id, data.checked === true)}
                  label={`${suggestion.name} (${suggestion.type}) — ${suggestion.reason}`}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
