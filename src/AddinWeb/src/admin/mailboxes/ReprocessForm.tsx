import { useState } from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { reprocess } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { isoToLocalInput, localInputToIso } from "../shared/format";
import { ErrorBar } from "../shared/Notices";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "end", flexWrap: "wrap" },
});

/**
 * Replay the messages received in a period (after an outage, or a rule fixed): idempotent, an email already logged
 * stays logged once. The count is what was queued again.
 */
export function ReprocessForm({ mailboxId, onDone }: { mailboxId: string; onDone: () => void }) {
  const styles = useStyles();
  const { api } = useAdmin();
  const [since, setSince] = useState(() => isoToLocalInput(new Date(Date.now() - 24 * 3600 * 1000)));
  const [until, setUntil] = useState(() => isoToLocalInput(new Date(Date.now() + 60 * 1000)));
  const [result, setResult] = useState<{ rows: number } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const from = localInputToIso(since);
  const to = localInputToIso(until);
  const invalid = from === null || to === null ? "Give both the start and the end." : from >= to ? "The start must be before the end." : undefined;

  return (
    <section aria-labelledby="reprocess-title">
      <h3 id="reprocess-title">Reprocess a period</h3>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          if (from === null || to === null) {
            return;
          }
          setBusy(true);
          reprocess(api, mailboxId, from, to).then(
            (done) => {
              setResult(done);
              onDone();
            },
            (error: unknown) => setResult({ error: adminFailure(error).message }),
          ).finally(() => setBusy(false));
        }}
      >
        <Field label="From" validationMessage={invalid ?? null}>
          <Input type="datetime-local" value={since} onChange={(_, data) => setSince(data.value)} />
        </Field>
        <Field label="To">
          <Input type="datetime-local" value={until} onChange={(_, data) => setUntil(data.value)} />
        </Field>
        <Button type="submit" disabled={busy || invalid !== undefined}>
          Reprocess
        </Button>
      </form>
      {result === null ? null : "error" in result ? (
        <ErrorBar message={result.error} />
      ) : (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {result.rows.toLocaleString()} {result.rows === 1 ? "message" : "messages"} queued again; email already logged stays logged once.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
