import { useEffect, useState } from "react";
import { Button, Caption1, SearchBox, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { search, type RecordSummary } from "../../api/records";
import { typeLabel } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0, listStyleType: "none" },
  result: { justifyContent: "flex-start", textAlign: "start", overflowWrap: "anywhere" },
});

/** Wait for the rep to pause typing before asking the API. */
const pauseMs = 250;

type State = { kind: "idle" } | { kind: "searching" } | { kind: "done"; items: RecordSummary[] } | { kind: "failed"; message: string };

/** Search any record of any type by name, address or domain; a result is picked with a click or Enter. */
export function RecordSearch({ api, label, onPick }: { api: ApiClient; label: string; onPick: (record: RecordSummary) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  useEffect(() => {
    const text = query.trim();
    if (text === "") {
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ kind: "searching" });
      search(api, text, abort.signal).then(
        (found) => setState({ kind: "done", items: found.items }),
        (error: unknown) => {
          if (!abort.signal.aborted) {
            setState({ kind: "failed", message: failure(error).message });
          }
        },
      );
    }, pauseMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query]);

  // An empty box shows nothing, whatever the last search found.
  const shown: State = query.trim() === "" ? { kind: "idle" } : state;
  return (
    <div className={styles.root}>
      <SearchBox aria-label={label} placeholder={label} value={query} onChange={(_, data) => setQuery(data.value)} />
      {shown.kind === "searching" ? <Spinner size="extra-tiny" label="Searching…" /> : null}
      {shown.kind === "failed" ? <Caption1 role="alert">{shown.message}</Caption1> : null}
      {shown.kind === "done" && shown.items.length === 0 ? <Caption1>No record matches “{query.trim()}”.</Caption1> : null}
      {shown.kind === "done" && shown.items.length > 0 ? (
        <ul className={styles.list} aria-label="Search results">
          {shown.items.map((record) => (
            <li key={record.id}>
              <Button
                appearance="subtle"
                className={styles.result}
                onClick={() => {
                  onPick(record);
                  setQuery("");
                }}
              >
                {record.name} ({typeLabel(record.type)})
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
