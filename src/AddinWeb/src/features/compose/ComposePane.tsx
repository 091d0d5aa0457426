import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Caption1, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle2 } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { composeContext, giveOneTimeBasis, saveIntent, subscribeOneToOne, type ComposeContext, type DefaultIntent, type Fix } from "../../api/compose";
import type { RecordSummary } from "../../api/records";
import { getFrom, getRecipients, onRecipientsChanged } from "../../office/mailbox";
import { stampTrackingId } from "../../office/stamp";
import { useCarriedIntent } from "./carriedIntent";
import { CreateContact } from "../records/CreateContact";
import { startOfThisPane, type ComposeType } from "../records/startHandoff";
import type { PickedRecord } from "./Associations";
import { Associations } from "./Associations";
import { InsertContent } from "../content/InsertContent";
import { FromMailbox } from "./FromMailbox";
import { badges } from "./badges";
import type { BasisChoice } from "./BasisFix";
import { RecipientList } from "./RecipientList";
import { mergeSelection, stillTicked, toggled } from "./selection";
import { ClosedTickets } from "./ClosedTickets";
import { FailedWithRetry } from "../shared/FailedWithRetry";

type State =
  | { kind: "loading" }
  | { kind: "ready"; context: ComposeContext }
  | { kind: "failed"; message: string; unreachable: boolean };

/** Why a record handed over by the pane that opened this message is on the list. */
const startReasons: Record<ComposeType, string> = { newMail: "picked before", reply: "on the email you reply to", forward: "on the email you forward" };

/** One tracking id per compose item: stamped on the message, named in the log intent and in one-time bases. */
const newTrackingId = () => `t-${crypto.randomUUID()}`;

/**
 * Compose mode: every recipient with its contacts, legal-basis badge and fixes, and the records the email is logged
 * to. Refreshed whenever the recipients change; every choice is saved at once as the email's log intent, so closing
 * the pane before sending loses nothing.
 */
export function ComposePane({ api }: { api: ApiClient }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  // The item's tracking id: the one already on it (the new-message event may have stamped it), else a new one.
  const [trackingId, setTrackingId] = useState<string | undefined>(undefined);
  const [log, setLog] = useState(true);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(startOfThisPane()?.picked.map((record) => record.id)));
  // Closed tickets the rep said this email concerns (a closed ticket exempts no one otherwise); kept while ticked.
  const [confirmedClosed, setConfirmedClosed] = useState<ReadonlySet<string>>(() => new Set());
  const [stampFailure, setStampFailure] = useState<string | undefined>(undefined);
  // Library items put into this email: the timeline names them ("Template: …").
  const [inserted, setInserted] = useState<readonly string[]>([]);
  // A message started from a record or a timeline reply arrives with its records (see startHandoff): from this
  // browser's storage at once, or else from the item's intent (the launch event claimed the start on the server).
  const [start] = useState(startOfThisPane);
  const [startedFrom, setStartedFrom] = useState(start?.record);
  const [composeType, setComposeType] = useState(start?.composeType);
  const [picked, setPicked] = useState<PickedRecord[]>(() => (start?.picked ?? []).map((record) => ({ ...record, reason: startReasons[start?.composeType ?? "newMail"] })));
  const known = useRef<ReadonlySet<string>>(new Set());
  // Only the newest answer is shown: a slow older one must not overwrite it.
  const asked = useRef(0);

  // The picked records go with the question: an open ticket among them (or a closed one the rep confirmed) makes the
  // email transactional for that ticket's contacts (their badges change).
  const refresh = useCallback(async () => {
    if (trackingId === undefined) {
      return;
    }
    const question = ++asked.current;
    try {
      const [recipients, from] = await Promise.all([getRecipients(), getFrom()]);
      const context = await composeContext(api, {
        trackingId,
        ...recipients,
        ...(from === undefined ? {} : { from }),
        ...(startedFrom === undefined ? {} : { startedFrom: { type: startedFrom.type, id: startedFrom.id } }),
        associations: [...selected],
        confirmedClosedTickets: stillTicked(confirmedClosed, selected),
      });
      if (question !== asked.current) {
        return;
      }
      // The updater may run after this function returns: it gets the suggestions known before this answer, not after.
      const knownBefore = known.current;
      known.current = new Set(context.suggestedAssociations.map((suggestion) => suggestion.id));
      setSelected((current) => mergeSelection(current, knownBefore, context.suggestedAssociations));
      setState({ kind: "ready", context });
    } catch (error) {
      if (question === asked.current) {
        setState({ kind: "failed", ...failure(error) });
      }
    }
  }, [api, trackingId, startedFrom, selected, confirmedClosed]);

  useEffect(() => {
    const candidate = newTrackingId();
    stampTrackingId(candidate).then(
      (stamp) => setTrackingId(stamp.trackingId),
      (error: unknown) => {
        setStampFailure(failure(error).message);
        setTrackingId(candidate);
      },
    );
  }, []);

  // Office keeps the first handler it is given: it calls the latest refresh through a ref.
  const latestRefresh = useRef(refresh);
  useEffect(() => {
    latestRefresh.current = refresh;
    void refresh();
  }, [refresh]);
  useEffect(() => {
    void onRecipientsChanged(() => void latestRefresh.current());
  }, []);

  // What the item carries already (the launch event's default intent, or an earlier pane's): read before the first save.
  const carry = useCallback(
    ({ intent, startedFrom: origin, records }: DefaultIntent) => {
      if (start !== undefined) {
        return;
      }
      const kind = intent.composeType ?? "newMail";
      const carried = records.filter((record) => record.id !== origin?.id && intent.associations.includes(record.id));
      setComposeType(intent.composeType ?? undefined);
      setStartedFrom(origin ?? undefined);
      setPicked((current) => [...current, ...carried.filter((record) => !current.some((known) => known.id === record.id)).map((record) => ({ ...record, reason: startReasons[kind] }))]);
      setSelected((current) => new Set([...current, ...intent.associations]));
      if (intent.origin === "pane") {
        setLog(intent.log);
      }
    },
    [start],
  );
  const seeded = useCarriedIntent(api, trackingId, carry);

  useEffect(() => {
    if (state.kind === "ready" && trackingId !== undefined && seeded) {
      void saveIntent(api, trackingId, log, [...selected], composeType, [...inserted], stillTicked(confirmedClosed, selected)).catch(() => undefined);
    }
  }, [api, trackingId, log, selected, state.kind, composeType, inserted, confirmedClosed, seeded]);

  const fix = useCallback(
    async (contactId: string, kind: Fix, choice: BasisChoice) => {
      if (kind === "addOneToOneSubscription") {
        await subscribeOneToOne(api, contactId, choice.legalBasis);
      } else {
        await giveOneTimeBasis(api, contactId, choice.legalBasis, choice.explanation, choice.transactional, trackingId);
      }
      await refresh();
    },
    [api, trackingId, refresh],
  );

  // A record found by search joins the list, ticked; picking it again only ticks it.
  const pick = useCallback((record: RecordSummary) => {
    setPicked((current) => (current.some((known) => known.id === record.id) ? current : [...current, { ...record, reason: "found by you" }]));
    setSelected((current) => toggled(current, record.id, true));
  }, []);

  const shown = useMemo(() => (state.kind === "ready" ? badges(state.context.recipients, state.context.unknownRecipients) : []), [state]);

  if (state.kind === "loading") {
    return (
      <Skeleton aria-label="Checking recipients…">
        <SkeletonItem size={16} />
        <SkeletonItem size={32} />
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  if (state.kind === "failed") {
    return (
      <FailedWithRetry failed={state} onRetry={() => void refresh()} unreachableText="OutlookCrm cannot be reached. Nothing is logged until it is back." />
    );
  }
  return (
    <>
      {stampFailure === undefined ? null : (
        <MessageBar intent="warning">
          <MessageBarBody>
            OutlookCrm could not mark this email ({stampFailure}), so the records picked here may not be used when it is logged; your
            logging rules still apply.
          </MessageBarBody>
        </MessageBar>
      )}
      <FromMailbox from={state.context.from} />
      <section aria-label="Recipients">
        <Subtitle2 as="h2">Recipients</Subtitle2>
        {shown.length === 0 ? <Caption1>Add recipients to see their CRM records and legal basis.</Caption1> : null}
        <RecipientList shown={shown} onFix={fix} createContact={(address) => <CreateContact api={api} address={address} onCreated={() => void refresh()} />} />
      </section>
      <Associations
        log={log}
        onLogChange={setLog}
        suggestions={state.context.suggestedAssociations}
        picked={picked}
        selected={selected}
        onToggle={(id, on) => setSelected((current) => toggled(current, id, on))}
        search={{ api, onPick: pick }}
      />
      <ClosedTickets
        tickets={state.context.closedTickets.filter((ticket) => selected.has(ticket.id))}
        confirmed={confirmedClosed}
        onConfirm={(id, on) => setConfirmedClosed((current) => toggled(current, id, on))}
      />
      <InsertContent
        api={api}
        recordIds={[...selected]}
        onInserted={(id) => setInserted((current) => (current.includes(id) ? current : [...current, id]))}
      />
    </>
  );
}
