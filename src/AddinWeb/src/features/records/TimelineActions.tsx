import { useState } from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { leaveStartOnServer } from "../../api/compose";
import { loggedEmail, replyContext, type ReplyContext } from "../../api/emails";
import { mailtoUrl, openMessage, openNewMessage } from "../../office/forms";
import { userEmail } from "../../office/mailbox";
import { composeTypeOf, forwardedBody, replyMessage, type ReplyKind } from "./replies";
import { leaveStart } from "./startHandoff";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  // A plain link (Fluent's Link would add to the first screen for one rarely shown line).
  link: { color: tokens.colorBrandForegroundLink },
});

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "opened"; mailbox: string | null }
  | { kind: "teammate"; context: ReplyContext }
  | { kind: "mailApp"; href: string; what: string }
  | { kind: "failed"; message: string };

/**
 * Reply, reply all and forward from a timeline entry. Where the email is in the rep's own mailbox, or in a team mailbox
 * they are a member of, Outlook's own form opens on that copy (Outlook threads the reply, a team copy's reply goes from
 * the team's address, and the logging rules follow the thread); otherwise a new message opens,
 * addressed and titled, with the entry's records handed to the pane beside it; where Outlook has neither form (iOS and
 * Android), a link to write it in the device's mail app. A reply to a teammate's email would go to the teammate only:
 * the pane says so and offers reply all.
 */
export function TimelineActions({ api, emailId, subject }: { api: ApiClient; emailId: string; subject: string }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });

  const open = async (kind: ReplyKind, known?: ReplyContext, confirmed = false) => {
    setState({ kind: "busy" });
    try {
      const context = known ?? (await replyContext(api, emailId));
      if (openMessage(context.regularMessageId)) {
        // A team mailbox's copy when the rep's own has none: Outlook's reply then goes from the team's address.
        setState({ kind: "opened", mailbox: context.mailbox !== null && context.mailbox.toLowerCase() !== (userEmail() ?? "").toLowerCase() ? context.mailbox : null });
        return;
      }
      if (kind === "reply" && context.sentByTeammate !== null && !confirmed) {
        setState({ kind: "teammate", context });
        return;
      }
      const original = kind === "forward" ? await loggedEmail(api, emailId) : undefined;
      leaveStart(localStorage, { picked: context.associations, composeType: composeTypeOf(kind) });
      const message = replyMessage(kind, context, userEmail() ?? "", original === undefined ? undefined : forwardedBody(original), original?.sentAt);
      await leaveStartOnServer(api, { to: message.to, ...(message.cc === undefined ? {} : { cc: message.cc }), associations: context.associations.map((record) => record.id), composeType: composeTypeOf(kind) }).catch(
        () => undefined,
      );
      if (!openNewMessage(message)) {
        const what = kind === "forward" ? "forward" : "reply";
        setState({ kind: "mailApp", href: mailtoUrl(message, kind === "forward" ? undefined : context.internetMessageId), what });
        return;
      }
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "failed", message: failure(error).message });
    }
  };

  const busy = state.kind === "busy";
  return (
    <>
      <div className={styles.actions} role="group" aria-label={`Reply to ${subject}`}>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => void open("reply")}>
          Reply
        </Button>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => void open("replyAll")}>
          Reply all
        </Button>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => void open("forward")}>
          Forward
        </Button>
      </div>
      {state.kind === "opened" ? (
        <Caption1 role="status">
          {state.mailbox === null
            ? "Opened in Outlook: reply or forward from there, and it is logged with the thread."
            : `Opened ${state.mailbox}'s copy in Outlook: reply from there and it goes from ${state.mailbox}, logged with the thread.`}
        </Caption1>
      ) : null}
      {state.kind === "failed" ? <Caption1 role="alert">{state.message}</Caption1> : null}
      {state.kind === "mailApp" ? (
        <Caption1 role="status">
          This Outlook cannot open a message from the pane: <a className={styles.link} href={state.href}>
            write the {state.what} in your mail app
          </a>.
        </Caption1>
      ) : null}
      {state.kind === "teammate" ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {state.context.sentByTeammate?.name ?? state.context.sentByTeammate?.address} sent this email: a reply goes to them only, not to the customer.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void open("reply", state.context, true)}>
              Reply to them
            </Button>
            <Button size="small" appearance="primary" onClick={() => void open("replyAll", state.context)}>
              Reply all
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </>
  );
}
