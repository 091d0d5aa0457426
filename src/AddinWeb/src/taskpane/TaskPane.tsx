import { useEffect, useState } from "react";
import { Body1, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { fetchHealth } from "../api/health";
import { describe, type PaneState } from "./paneState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** The first task-pane page: it proves the pane is served by the API and can reach it. */
export function TaskPane() {
  const styles = useStyles();
  const [state, setState] = useState<PaneState>({ kind: "connecting" });

  useEffect(() => {
    const abort = new AbortController();
    fetchHealth(abort.signal)
      .then((health) => setState({ kind: "connected", health }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          setState({ kind: "unreachable", reason: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => abort.abort();
  }, []);

  return (
    <main className={styles.root}>
      <Title3 as="h1">OutlookCrm</Title3>
      {state.kind === "connecting" ? <Spinner size="tiny" label={describe(state)} /> : <Body1 role="status">{describe(state)}</Body1>}
    </main>
  );
}
