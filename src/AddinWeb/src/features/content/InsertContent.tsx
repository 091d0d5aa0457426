import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, SearchBox, Select, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { failure, type ApiClient } from "../../api/client";
import { deleteContent, kindLabels, renderContent, searchContent, type ContentItem, type ContentKind, type Rendered } from "../../api/content";
import { getSubject, insertHtml, setSubject } from "../../office/editor";
import { EditContent } from "./EditContent";
import { insertPlan, missingLabel } from "./insertPlan";
import { SaveContent } from "./SaveContent";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  filters: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", minWidth: 0 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

const pauseMs = 250;

type List = { kind: "loading" } | { kind: "ready"; items: ContentItem[] } | { kind: "failed"; message: string };

/**
 * "Insert" in compose: the library (search by name or text, by kind), each item personalised for the email's records
 * on the server and put at the cursor through Outlook's editor; a template also sets the subject when there is none.
 * A token without a value is shown before anything is inserted. Own items can be deleted; the selection or body can
 * be saved as a new template or snippet.
 */
export function InsertContent({ api, recordIds, onInserted }: { api: ApiClient; recordIds: string[]; onInserted: (id: string) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<ContentKind | "">("");
  const [list, setList] = useState<List>({ kind: "loading" });
  const [pending, setPending] = useState<{ item: ContentItem; rendered: Rendered } | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<string | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      searchContent(api, query, kind === "" ? undefined : kind, abort.signal).then(
        (found) => setList({ kind: "ready", items: found.items }),
        (error: unknown) => {
          if (!abort.signal.aborted) {
            setList({ kind: "failed", message: failure(error).message });
          }
        },
      );
    }, pauseMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query, kind, version]);

  const put = useCallback(
    async (item: ContentItem, rendered: Rendered) => {
      setPending(undefined);
      const plan = insertPlan(item.kind, rendered, await getSubject());
      if (plan.subject !== undefined) {
        await setSubject(plan.subject);
      }
      await insertHtml(plan.html);
      onInserted(item.id);
      setStatus({ text: `Inserted ${kindLabels[item.kind].toLowerCase()} “${item.name}”.`, error: false });
    },
    [onInserted],
  );

  const insert = async (item: ContentItem) => {
    setStatus(undefined);
    try {
      const rendered = await renderContent(api, item.id, recordIds);
      if (rendered.missing.length > 0) {
        setPending({ item, rendered });
        return;
      }
      await put(item, rendered);
    } catch (error) {
      setStatus({ text: `Not inserted: ${failure(error).message}`, error: true });
    }
  };

  const remove = async (item: ContentItem) => {
    try {
      await deleteContent(api, item.id);
      setVersion((current) => current + 1);
    } catch (error) {
      setStatus({ text: `Not deleted: ${failure(error).message}`, error: true });
    }
  };

  return (
    <section aria-label="Insert content" className={styles.root}>
      <Subtitle2 as="h2">Insert</Subtitle2>
      <div className={styles.filters}>
        <SearchBox aria-label="Search templates, snippets and more" placeholder="Search the library" value={query} onChange={(_, data) => setQuery(data.value)} />
        <Select aria-label="Kind of content" value={kind} onChange={(_, data) => setKind(data.value as ContentKind | "")}>
          <option value="">Everything</option>
          {Object.entries(kindLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {pending === undefined ? null : (
        <MessageBar intent="warning">
          <MessageBarBody>
            “{pending.item.name}” has no value for {pending.rendered.missing.map(missingLabel).join(", ")}: that part will be blank.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void put(pending.item, pending.rendered).catch((error: unknown) => setStatus({ text: `Not inserted: ${failure(error).message}`, error: true }))}>
              Insert anyway
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setPending(undefined)}>
              Cancel
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {status === undefined ? null : (
        <Caption1 role={status.error ? "alert" : "status"}>{status.text}</Caption1>
      )}
      {list.kind === "loading" ? <Spinner size="extra-tiny" label="Loading the library…" /> : null}
      {list.kind === "failed" ? <Caption1 role="alert">{list.message}</Caption1> : null}
      {list.kind === "ready" && list.items.length === 0 ? <Caption1>Nothing in the library matches.</Caption1> : null}
      {list.kind === "ready" && list.items.length > 0 ? (
        <ul className={styles.list} aria-label="Library">
          {list.items.map((item) => (
            <li key={item.id} className={styles.item} data-content={item.id}>
              <Body1>{item.name}</Body1>
              <Caption1>
                {kindLabels[item.kind]}
                {item.mine ? "" : ` · by ${item.owner.name}`}
                {item.quote === undefined ? "" : ` · ${item.quote.total.toLocaleString()} ${item.quote.currency}`}
              </Caption1>
              <div className={styles.actions}>
                <Button size="small" appearance="primary" aria-label={`Insert ${item.name}`} onClick={() => void insert(item)}>
                  Insert
                </Button>
                {item.mine ? (
                  <>
                    <Button size="small" appearance="subtle" aria-label={`Edit ${item.name}`} onClick={() => setEditing(item.id)}>
                      Edit
                    </Button>
                    <Button size="small" appearance="subtle" aria-label={`Delete ${item.name}`} onClick={() => void remove(item)}>
                      Delete
                    </Button>
                  </>
                ) : null}
              </div>
              {editing === item.id ? (
                <EditContent
                  api={api}
                  item={item}
                  onDone={(changed) => {
                    setEditing(undefined);
                    if (changed) {
                      setVersion((current) => current + 1);
                    }
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <SaveContent api={api} onSaved={() => setVersion((current) => current + 1)} />
    </section>
  );
}
