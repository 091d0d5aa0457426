import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";
import { MailRegular } from "@fluentui/react-icons";
import { failure, type ApiClient } from "../../api/client";
import { leaveStartOnServer } from "../../api/compose";
import { cards, type Card, type RecordSummary } from "../../api/records";
import { openNewMessage } from "../../office/forms";
import { RecordCard } from "./RecordCard";
import { leaveStart, startRecipients } from "./startHandoff";
import { Timeline } from "./Timeline";
import { FailedWithRetry } from "../shared/FailedWithRetry";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

type State = { kind: "loading" } | { kind: "ready"; card: Card } | { kind: "missing" } | { kind: "failed"; message: string; unreachable: boolean };

/** One record: its card, "Email" (a new Outlook message to its contacts, the record pre-associated) and its timeline. */
export function RecordView({ api, record }: { api: ApiClient; record: RecordSummary }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [cannotOpen, setCannotOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      const [card] = (await cards(api, [record.id])).items;
      setState(card === undefined ? { kind: "missing" } : { kind: "ready", card });
    } catch (error) {
      setState({ kind: "failed", ...failure(error) });
    }
  }, [api, record.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const email = async (card: Card) => {
    const to = startRecipients(card);
    leaveStart(localStorage, { record, picked: [] });
    // Also on the server, where the new message's launch event claims it: kept until it is sent, pane or no pane.
    await leaveStartOnServer(api, { to, startedFrom: record.id, associations: [], composeType: "newMail" }).catch(() => undefined);
    setCannotOpen(!openNewMessage({ to }));
  };

  return (
    <div className={styles.root}>
      {state.kind === "loading" ? (
        <Skeleton aria-label={`Loading ${record.name}`}>
          <SkeletonItem size={20} />
          <SkeletonItem size={12} />
        </Skeleton>
      ) : null}
      {state.kind === "missing" ? <Caption1>{record.name} is no longer in the CRM.</Caption1> : null}
      {state.kind === "failed" ? (
        <FailedWithRetry failed={state} onRetry={() => void load()} />
      ) : null}
      {state.kind === "ready" ? (
        <>
          <RecordCard card={state.card} />
          <Button icon={<MailRegular />} onClick={() => void email(state.card)}>
            Email
          </Button>
          {cannotOpen ? <Caption1 role="alert">This version of Outlook cannot open a new message from the pane.</Caption1> : null}
          <Timeline api={api} record={record} />
        </>
      ) : null}
    </div>
  );
}
