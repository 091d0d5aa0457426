import { useCallback, useEffect, useState } from "react";
import { Body1, Caption1, Skeleton, SkeletonItem, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { timeline, type RecordSummary, type TimelineItem } from "../../api/records";
import { whenLabel } from "./format";
import { purgedBodyNote } from "./replies";
import { TimelineActions } from "./TimelineActions";
import { FailedWithRetry } from "../shared/FailedWithRetry";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  skeleton: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

type State = { kind: "loading" } | { kind: "ready"; items: TimelineItem[] } | { kind: "failed"; message: string; unreachable: boolean };

/** The record's newest logged emails. */
export function Timeline({ api, record, limit = 5 }: { api: ApiClient; record: RecordSummary; limit?: number }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });

  // The record's fields, not the object: a parent may pass a new object on every render.
  const { id, type, name } = record;
  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setState({ kind: "ready", items: (await timeline(api, { id, type, name }, limit, signal)).items });
      } catch (error) {
        if (!(signal?.aborted ?? false)) {
          setState({ kind: "failed", ...failure(error) });
        }
      }
    },
    [api, id, type, name, limit],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  return (
    <section aria-label={`Timeline of ${record.name}`}>
      <Subtitle2 as="h3">Timeline</Subtitle2>
      {state.kind === "loading" ? (
        <Skeleton aria-label="Loading the timeline" className={styles.skeleton}>
          <SkeletonItem size={16} />
          <SkeletonItem size={12} />
          <SkeletonItem size={16} />
        </Skeleton>
      ) : null}
      {state.kind === "failed" ? (
        <FailedWithRetry failed={state} onRetry={() => void load()} size="small" />
      ) : null}
      {state.kind === "ready" && state.items.length === 0 ? <Caption1>No emails logged to {record.name} yet.</Caption1> : null}
      {state.kind === "ready" && state.items.length > 0 ? (
        <ul className={styles.list}>
          {state.items.map((item) => (
            <li key={item.emailId} className={styles.item} data-email={item.emailId}>
              <Body1>{item.title}</Body1>
              <Caption1>
                {item.from.name ?? item.from.address} · {whenLabel(item.sentAt)}
              </Caption1>
              {item.bodyPurgedAt !== null ? <Caption1>{purgedBodyNote}</Caption1> : item.preview === "" ? null : <Caption1>{item.preview}</Caption1>}
              {item.inserted.length === 0 ? null : <Caption1 aria-label="Inserted content">{item.inserted.join(" · ")}</Caption1>}
              <TimelineActions api={api} emailId={item.emailId} subject={item.title} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
