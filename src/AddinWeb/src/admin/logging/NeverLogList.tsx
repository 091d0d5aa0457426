import { useState } from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { ApiError, failure } from "../../api/client";
import { addNeverLog, listNeverLog, removeNeverLog, restoreNeverLog } from "../api/neverLog";
import { useAdmin } from "../shell/AdminContext";
import { Confirm } from "../shared/Confirm";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { usePaged } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { PurgeConfirm, type PendingPurge } from "./PurgeConfirm";

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

  const changed = (text: string) => {
    setNote({ ok: true, text });
    reload();
    onChanged();
  };
  const add = async (confirmPurge: boolean) => {
    try {
      const created = await addNeverLog(api, value.trim(), scope, confirmPurge);
      setValue("");
      setPending(null);
      changed(created.purged === 0 ? `${created.entry.value} is never logged from now on.` : `${created.entry.value} is never logged; ${created.purged} logged email(s) removed. Undo within 30 days with Restore.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setPending({ value: value.trim(), scope, detail: error.detail ?? error.message });
        return;
      }
      setNote({ ok: false, text: failure(error).message });
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
                            <Confirm
                              trigger={<Button size="small" aria-label={`Remove ${entry.value}`}>Remove</Button>}
                              title={`Log ${entry.value} again?`}
                              confirmLabel="Remove the entry"
                              onConfirm={async () => { await removeNeverLog(api, entry.id); changed(`${entry.value} is logged again from now on; what its entry removed stays removed.`); }}
                            >
                              Email with {entry.value} is logged again from now on. Emails the entry removed stay removed: use Restore instead to bring them back.
                            </Confirm>{" "}
                            <Confirm
                              trigger={<Button size="small" aria-label={`Restore ${entry.value}`}>Restore</Button>}
                              title={`Undo the entry for ${entry.value}?`}
                              confirmLabel="Restore"
                              onConfirm={async () => { await restoreNeverLog(api, entry.id); changed(`The emails removed for ${entry.value} are back, and the entry is gone.`); }}
                            >
                              The emails this entry removed come back to the timelines (within 30 days of adding it), and the entry goes.
                            </Confirm>
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
