import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Caption1, Checkbox, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ApiClient } from "../../api/client";
import { failure } from "../../api/client";
import { emailStatus, logEmail, type EmailStatus } from "../../api/emails";
import type { Card, RecordSummary } from "../../api/records";
import { typeLabel } from "../records/format";
import { RecordSearch } from "../records/RecordSearch";
import { logChoices } from "./logChoices";
import { FailedWithRetry } from "../shared/FailedWithRetry";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0, listStyleType: "none" },
});

type State = { kind: "loading" } | { kind: "ready"; status: EmailStatus } | { kind: "failed"; message: string; unreachable: boolean };

const statusWords: Record<EmailStatus["status"], string> = { logged: "Logged", pending: "Pending", notLogged: "Not logged" };

/**
 * The read email's logged status from the server (logged to which records / pending / not logged and why), and "Log
 * this email" to the records the rep ticks. Never logs on its own: the rep presses the button.
 */
export function EmailLogging({
  api,
  ids,
  mailbox,
  contacts,
  cards,
  onLogged,
}: {
  api: ApiClient;
  ids: { internetMessageId: string; restId: string };
  /** The team or shared mailbox the item is in, when not the rep's own. */
  mailbox?: string | undefined;
  contacts: { id: string; name: string }[];
  cards: ReadonlyMap<string, Card>;
  onLogged: () => void;
}) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [found, setFound] = useState<RecordSummary[]>([]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [logging, setLogging] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const { internetMessageId, restId } = ids;

  const load = useCallback(async () => {
    try {
      setState({ kind: "ready", status: await emailStatus(api, internetMessageId) });
    } catch (error) {
      setState({ kind: "failed", ...failure(error) });
    }
  }, [api, internetMessageId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === "loading") {
    return <Spinner size="tiny" label="Checking whether this email is logged…" />;
  }
  if (state.kind === "failed") {
    return (
      <FailedWithRetry failed={state} onRetry={() => void load()} />
    );
  }
  const { status } = state;
  const choices = logChoices(contacts, cards, found, status.records);
  const ticked = choices.filter((choice) => overrides.get(choice.id) ?? choice.ticked).map((choice) => choice.id);
  const submit = () => {
    setLogging({ busy: true });
    logEmail(api, internetMessageId, restId, ticked, mailbox).then(
      () => {
        setLogging({ busy: false });
        setFound([]);
        setOverrides(new Map());
        onLogged();
        void load();
      },
      (error: unknown) => setLogging({ busy: false, error: failure(error).message }),
    );
  };
  return (
    <section aria-label="Logging" className={styles.root}>
      <Subtitle2 as="h2">Logging</Subtitle2>
      <Body1 role="status" aria-label="Logged status">
        {statusWords[status.status]}
        {status.status === "logged" ? ` to ${status.records.map((record) => record.name).join(", ")}` : status.reason === null ? "" : `: ${status.reason}`}
      </Body1>
      <Caption1>{status.status === "logged" ? "Also log it to:" : "Log it to:"}</Caption1>
      <ul className={styles.list}>
        {choices.map((choice) => (
          <li key={choice.id}>
            <Checkbox
              checked={overrides.get(choice.id) ?? choice.ticked}
              onChange={(_, data) => setOverrides((current) => new Map(current).set(choice.id, data.checked === true))}
              label={`${choice.name} (${typeLabel(choice.type)}) — ${choice.reason}`}
            />
          </li>
        ))}
      </ul>
      <RecordSearch api={api} label="Log to any record" onPick={(record) => setFound((current) => (current.some((known) => known.id === record.id) ? current : [...current, record]))} />
      <Button appearance="primary" disabled={logging.busy || ticked.length === 0} onClick={submit}>
        {status.status === "logged" ? "Add to the ticked records" : "Log this email"}
      </Button>
      {logging.error === undefined ? null : <Caption1 role="alert">Not logged: {logging.error}</Caption1>}
    </section>
  );
}
