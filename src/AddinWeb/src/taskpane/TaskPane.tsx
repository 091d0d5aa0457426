import { useEffect, useMemo, useState } from "react";
import { Body1, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { ApiClient } from "../api/client";
import { fetchHealth } from "../api/health";
import { devTokenSource } from "../auth/devToken";
import { ComposePane } from "../features/compose/ComposePane";
import { userEmail, type ItemMode } from "../office/mailbox";
import { ReadPane } from "../features/read/ReadPane";
import { describe, type PaneState } from "./paneState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** The pane: compose mode in a compose item, read mode in a read item, and whether the API can be reached. */
export function TaskPane({ mode }: { mode: ItemMode }) {
  const styles = useStyles();
  const [state, setState] = useState<PaneState>({ kind: "connecting" });
  const api = useMemo(
    () => new ApiClient(devTokenSource(userEmail() ?? "alex@contoso.com")),
    [],
  );

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
      {mode === "compose" ? <ComposePane api={api} /> : null}
      {mode === "read" ? <ReadPane api={api} /> : null}
      {state.kind === "connecting" ? <Spinner size="tiny" label={describe(state)} /> : <Body1 role="status">{describe(state)}</Body1>}
    </main>
  );
}
