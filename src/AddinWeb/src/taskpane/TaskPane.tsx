import { useEffect, useMemo, useState } from "react";
import { Body1, Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { ApiClient } from "../api/client";
import { fetchHealth } from "../api/health";
import { signedIn } from "../auth/signIn";
import { ComposePane } from "../features/compose/ComposePane";
import { FindRecord } from "../features/records/FindRecord";
import { ReadPane } from "../features/read/ReadPane";
import { MyLoggingView } from "../features/settings/MyLoggingView";
import { userEmail, type ItemMode } from "../office/mailbox";
import { OutsideOutlook } from "./OutsideOutlook";
import { describe, type PaneState } from "./paneState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    // Long addresses and record names wrap anywhere: at 320 px (Outlook mobile) nothing may scroll sideways.
    overflowWrap: "anywhere",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

type View = "email" | "records" | "logging";

/** The pane: this email (compose or read mode), any record, or what is logged for the rep; and whether the API can be reached. */
export function TaskPane({ mode, itemKey }: { mode: ItemMode; itemKey: number }) {
  const styles = useStyles();
  const [state, setState] = useState<PaneState>({ kind: "connecting" });
  const [view, setView] = useState<View>("email");
  const api = useMemo(() => new ApiClient(signedIn(userEmail())), []);

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
      {mode === "none" ? null : (
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} size="small" aria-label="Pane views">
          <Tab value="email">This email</Tab>
          <Tab value="records">Records</Tab>
          <Tab value="logging">Logging</Tab>
        </TabList>
      )}
      {/* Both views stay mounted: switching tabs keeps the compose picks and the read results. */}
      <div hidden={view !== "email"} key={itemKey}>
        {mode === "compose" ? <ComposePane api={api} /> : null}
        {mode === "read" ? <ReadPane api={api} /> : null}
      </div>
      {mode === "none" ? <OutsideOutlook /> : <div hidden={view !== "records"}>{<FindRecord api={api} />}</div>}
      {/* Read when asked, not on every pane open: it changes rarely and is not about this email. */}
      {mode !== "none" && view === "logging" ? <MyLoggingView api={api} /> : null}
      {state.kind === "connecting" ? <Spinner size="tiny" label={describe(state)} /> : <Body1 role="status">{describe(state)}</Body1>}
    </main>
  );
}
