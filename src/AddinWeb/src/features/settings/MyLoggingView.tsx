import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { getMyLogging, putMyLogging, type IncomingPolicy, type MyLogging, type OutgoingPolicy } from "../../api/logging";
import { FailedWithRetry } from "../shared/FailedWithRetry";
import { accountChoice, associationsText, fromChoice, incomingText, outgoingText, toChoice } from "./policyText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type Loaded = { kind: "loading" } | { kind: "failed"; failed: { message: string; unreachable: boolean } } | { kind: "loaded"; mine: MyLogging };

/** One setting: the organisation's (named, so the rep sees what it is) or one of the rep's own. */
function PolicyChoice(props: { label: string; texts: Record<string, string>; accountValue: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field label={props.label}>
      <RadioGroup value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <Radio value={accountChoice} label={`My organisation's setting: ${props.texts[props.accountValue] ?? props.accountValue}`} />
        {Object.entries(props.texts).map(([value, text]) => (
          <Radio key={value} value={value} label={text} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/**
 * What is logged of the rep's mail when the pane is not asked (GET /api/me/logging), and — where the admin lets users
 * choose — the rep's own choice. The pane's own choice on an email always wins over either.
 */
export function MyLoggingView({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [draft, setDraft] = useState({ outgoing: accountChoice, incoming: accountChoice });
  const [saved, setSaved] = useState<"saved" | { error: string } | null>(null);

  const show = useCallback((mine: MyLogging) => {
    setLoaded({ kind: "loaded", mine });
    setDraft({ outgoing: toChoice(mine.outgoing), incoming: toChoice(mine.incoming) });
  }, []);
  const load = useCallback(
    (signal?: AbortSignal) => {
      setLoaded({ kind: "loading" });
      getMyLogging(api, signal).then(show, (error: unknown) => {
        if (signal?.aborted !== true) {
          setLoaded({ kind: "failed", failed: failure(error) });
        }
      });
    },
    [api, show],
  );
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [load]);

  if (loaded.kind === "loading") {
    return <Spinner size="tiny" label="Reading what is logged for you…" />;
  }
  if (loaded.kind === "failed") {
    return <FailedWithRetry failed={loaded.failed} onRetry={() => load()} />;
  }
  const { mine } = loaded;
  const save = () => {
    setSaved(null);
    const change = { outgoing: fromChoice<OutgoingPolicy>(draft.outgoing, outgoingText), incoming: fromChoice<IncomingPolicy>(draft.incoming, incomingText) };
    putMyLogging(api, change).then(
      (next) => {
        show(next);
        setSaved("saved");
      },
      (error: unknown) => setSaved({ error: failure(error).message }),
    );
  };
  return (
    <section aria-labelledby="my-logging-title" className={styles.root}>
      <h2 id="my-logging-title">What is logged for you</h2>
      <ul className={styles.list} aria-label="What applies to your mail">
        <li>Sent: {outgoingText[mine.effective.outgoing]}.</li>
        <li>Received: {incomingText[mine.effective.incoming]}.</li>
        <li>Logged by these rules, an email goes to {associationsText[mine.effective.associations]}.</li>
      </ul>
      <Body1 as="p">What you choose in the pane for an email always wins: &quot;Don&apos;t log&quot; keeps it off every timeline.</Body1>
      {mine.mayOverride ? (
        <form
          className={styles.root}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <PolicyChoice label="Sent email" texts={outgoingText} accountValue={mine.account.outgoing} value={draft.outgoing} onChange={(outgoing) => setDraft({ ...draft, outgoing })} />
          <PolicyChoice label="Received email" texts={incomingText} accountValue={mine.account.incoming} value={draft.incoming} onChange={(incoming) => setDraft({ ...draft, incoming })} />
          <div>
            <Button appearance="primary" type="submit">
              Save my logging
            </Button>
          </div>
        </form>
      ) : (
        <Body1 as="p">Your admin sets this for everyone in your organisation.</Body1>
      )}
      {saved === null ? null : saved === "saved" ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Saved: it applies to the next email you send or receive.</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{saved.error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
