import { useCallback, useEffect, useMemo, useState } from "react";
import { Badge, Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ApiError, type ApiClient } from "../../api/client";
import { composeContext, type ComposeContext } from "../../api/compose";
import { getFrom, getRecipients, onRecipientsChanged } from "../../office/mailbox";
import { badges, fixLabel } from "./badges";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  fixes: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

type State =
  | { kind: "loading" }
  | { kind: "ready"; context: ComposeContext }
  | { kind: "failed"; message: string; unreachable: boolean };

/** Compose mode: every recipient with its contacts and legal-basis badge, refreshed whenever the recipients change. */
export function ComposePane({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });

  const refresh = useCallback(async () => {
    try {
      const [recipients, from] = await Promise.all([getRecipients(), getFrom()]);
      const context = await composeContext(api, { ...recipients, ...(from === undefined ? {} : { from }) });
      setState({ kind: "ready", context });
    } catch (error) {
      setState({
        kind: "failed",
        message: error instanceof Error ? error.message : String(error),
        unreachable: error instanceof ApiError && error.unreachable,
      });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    void onRecipientsChanged(() => void refresh());
  }, [refresh]);

  const shown = useMemo(() => (state.kind === "ready" ? badges(state.context.recipients, state.context.unknownRecipients) : []), [state]);

  if (state.kind === "loading") {
    return <Spinner size="tiny" label="Checking recipients…" />;
  }
  if (state.kind === "failed") {
    return (
      <div role="alert">
        <Body1>{state.unreachable ? "OutlookCrm cannot be reached. Nothing is logged until it is back." : state.message}</Body1>
        <Button onClick={() => void refresh()}>Retry</Button>
      </div>
    );
  }
  return (
    <section aria-label="Recipients">
      <Subtitle2 as="h2">Recipients</Subtitle2>
      {shown.length === 0 ? <Caption1>Add recipients to see their CRM records and legal basis.</Caption1> : null}
      <ul className={styles.list}>
        {shown.map((badge) => (
          <li key={`${badge.field}:${badge.address}`} className={styles.row} data-address={badge.address}>
            <div className={styles.line}>
              <Body1>{badge.address}</Body1>
              <Badge appearance="tint" color={badge.tone} aria-label={`Legal basis: ${badge.label}`}>
                {badge.label}
              </Badge>
            </div>
            {badge.contacts.map((contact) => (
              <Caption1 key={contact.id}>
                {contact.name}
                {contact.chosen ? " (your pick)" : ""}
              </Caption1>
            ))}
            <div className={styles.fixes}>
              {badge.fixes.map((fix) => (
                <Button key={fix} size="small" appearance="secondary">
                  {fixLabel(fix)}
                </Button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {state.context.suggestedAssociations.length > 0 ? (
        <>
          <Subtitle2 as="h2">Log to</Subtitle2>
          <ul className={styles.list}>
            {state.context.suggestedAssociations.map((suggestion) => (
              <li key={suggestion.id}>
                <Body1>{suggestion.name}</Body1> <Caption1>{suggestion.reason}</Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
