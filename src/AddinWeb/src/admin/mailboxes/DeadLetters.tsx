import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { deadLetters, retryDeadLetter, retryDeadLetters, type DeadLetter } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { when } from "../shared/format";
import { ErrorBar, LoadedView } from "../shared/Notices";
import { MoreButton } from "../shared/Pager";
import { useLoad } from "../shared/useLoad";
import { folderName } from "./syncText";
import { adminFailure } from "../shared/failureText";

/** Messages that failed too often, each with its reason; retried one at a time or all together. */
export function DeadLetters({ mailboxId, count, onRetried }: { mailboxId: string; count: number; onRetried: () => void }) {
  const { api } = useAdmin();
  const [loaded, reload] = useLoad((signal) => deadLetters(api, mailboxId, undefined, signal), `${mailboxId}:${count}`);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [more, setMore] = useState<{ key: number; items: DeadLetter[]; next: string | null } | null>(null);
  const first = loaded.state === "done" ? loaded.data : null;
  const extra = more?.key === count ? more : null;
  const items = [...(first?.items ?? []), ...(extra?.items ?? [])];
  const next = extra === null ? (first?.nextCursor ?? null) : extra.next;

  const retry = (run: Promise<{ rows: number }>) =>
    run.then(
      (done) => {
        setNote({ ok: true, text: `${done.rows} ${done.rows === 1 ? "message" : "messages"} queued again.` });
        reload();
        onRetried();
      },
      (error: unknown) => setNote({ ok: false, text: adminFailure(error).message }),
    );

  return (
    <section aria-labelledby="dead-title">
      <h3 id="dead-title">Dead letters ({count})</h3>
      {note === null ? null : note.ok ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar message={note.text} />
      )}
      <LoadedView loaded={loaded} label="The dead letters" onRetry={reload}>
        {() =>
          items.length === 0 ? (
            <p>None: every message of this mailbox was processed.</p>
          ) : (
            <>
              <Table size="small" aria-labelledby="dead-title">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Received</TableHeaderCell>
                    <TableHeaderCell>Folder</TableHeaderCell>
                    <TableHeaderCell>Attempts</TableHeaderCell>
                    <TableHeaderCell>Reason</TableHeaderCell>
                    <TableHeaderCell>Action</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((letter) => (
                    <TableRow key={letter.id}>
                      <TableCell>{when(letter.receivedAt)}</TableCell>
                      <TableCell>{folderName(letter.folder)}</TableCell>
                      <TableCell>{letter.attempts}</TableCell>
                      <TableCell>
                        {letter.reason}
                        {letter.lastError === null ? null : ` (${letter.lastError})`}
                      </TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => void retry(retryDeadLetter(api, mailboxId, letter.id))}>
                          Retry
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <MoreButton
                next={next}
                onMore={(cursor) =>
                  void deadLetters(api, mailboxId, cursor).then(
                    (page) => setMore({ key: count, items: [...(extra?.items ?? []), ...page.items], next: page.nextCursor }),
                    (error: unknown) => setNote({ ok: false, text: adminFailure(error).message }),
                  )
                }
              />
              <Button onClick={() => void retry(retryDeadLetters(api, mailboxId))}>Retry all</Button>
            </>
          )
        }
      </LoadedView>
    </section>
  );
}
