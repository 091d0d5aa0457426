import { useState } from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { addNeverLog, listNeverLog, previewNeverLog, type NeverLogEntry } from "../api/neverLog";
import { useAdmin } from "../shell/AdminContext";
import { NeverLogConfirm } from "./NeverLogConfirm";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { usePaged } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { PurgeConfirm, type PendingPurge } from "./PurgeConfirm";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "end", flexWrap: "wrap", marginTop: tokens.spacingVerticalM },
});

/**
 * Addresses and domains never logged: the account's (an admin's) and the signed-in user's own. Adding one that
 * matches logged email says how many emails it would remove and asks first; an entry can be undone within 30 days.
 */
export function NeverLogList({ onChanged }: { onChanged: () => void }) {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => listNeverLog(api, signal), "never-log");
  const { page, pager } = usePaged(loaded.state === "done" ? loaded.data.items : []);
  const [value, setValue] = useState("");
  const [scope, setScope] = useState<"account" | "personal">(me.isAdmin ? "account" : "personal");
  const [pending, setPending] = useState<PendingPurge | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  // Confirmed above the list, not in the row: the row goes when the action succeeds.
  const [asking, setAsking] = useState<{ action: "remove" | "restore"; entry: NeverLogEntry } | null>(null);

  const changed = (text: string) => {
    setNote({ ok: true, text });
    reload();
    onChanged();
  };
  const add = async (confirmPurge: boolean) => {
    try {
      if (!confirmPurge) {
        // What the entry would remove is shown before anything is removed.
        const preview = await previewNeverLog(api, value.trim(), scope);
        if (preview.wouldPurge > 0) {
          setPending({
            value: value.trim(),
            scope,
            detail: `${preview.wouldPurge} logged email(s) involve ${preview.entry.value} and would be removed.`,
            sample: preview.sample,
          });
          return;
        }
      }
      const created = await addNeverLog(api, value.trim(), scope, confirmPurge);
      setValue("");
      setPending(null);
      changed(created.purged === 0 ? `${created.entry.value} is never logged from now on.` : `${created.entry.value} is never logged; ${created.purged} logged email(s) removed. Undo within 30 days with Restore.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setPending({ value: value.trim(), scope, detail: error.detail ?? error.message, sample: [] });
        return;
      }
      setNote({ ok: false, text: adminFailure(error).message });
    }
  };

  return (
    <section aria-labelledby="never-log-title">
      <h2 id="never-log-title">Never log</h2>
      <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void add(false); }}>
        <Field label="Address or domain">
          <Input value={value} onChange={(_, data) => setValue(data.value)} placeholder="someone@example.com or example.com" />
        </Field>
        <Field label="For">
          <Select value={scope} onChange={(_, data) => setScope(data.value === "account" ? "account" : "personal")}>
            {me.isAdmin ? <option value="account">Everyone in the account</option> : null}
            <option value="personal">Me only</option>
          </Select>
        </Field>
        <Button type="submit" disabled={value.trim() === ""}>
          Add
        </Button>
      </form>
      <NeverLogConfirm asking={asking} onClose={() => setAsking(null)} onDone={changed} />
      {pending === null ? null : <PurgeConfirm pending={pending} onConfirm={() => add(true)} onCancel={() => setPending(null)} />}
      {note === null ? null : note.ok ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar message={note.text} />
      )}
      <LoadedView loaded={loaded} label="The never-log list" onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Nothing is excluded yet.</p>
          ) : (
            <>
              <Table size="small" aria-labelledby="never-log-title">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Address or domain</TableHeaderCell>
                    <TableHeaderCell>For</TableHeaderCell>
                    <TableHeaderCell>Actions</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell>{entry.value}</TableCell>
                      <TableCell>{entry.scope === "account" ? "Everyone" : "Me"}</TableCell>
                      <TableCell>
                        {entry.scope === "account" && !me.isAdmin ? "Ask your admin to change" : (
                          <>
                            <Button size="small" aria-label={`Remove ${entry.value}`} onClick={() => setAsking({ action: "remove", entry })}>
                              Remove
                            </Button>{" "}
                            <Button size="small" aria-label={`Restore ${entry.value}`} onClick={() => setAsking({ action: "restore", entry })}>
                              Restore
                            </Button>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {pager}
            </>
          )
        }
      </LoadedView>
    </section>
  );
}
