import { useState } from "react";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { disconnectMailbox, type Mailbox } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { InlineConfirm } from "../shared/InlineConfirm";
import { usePaged } from "../shared/Pager";
import { kindShort } from "./kinds";
import { syncInWords, watchingInWords } from "./syncText";

/** The connected mailboxes, a page at a time: what each is, whether it is watched, its first sync; details, disconnect. */
export function MailboxTable({ mailboxes, selected, onSelect, onDisconnected }: {
  mailboxes: readonly Mailbox[];
  selected: string | null;
  onSelect: (id: string) => void;
  onDisconnected: () => void;
}) {
  const { api, me } = useAdmin();
  const { page, pager } = usePaged(mailboxes);
  // Confirmed above the list, not in the row: the row goes when the disconnect succeeds.
  const [disconnecting, setDisconnecting] = useState<Mailbox | null>(null);
  if (mailboxes.length === 0) {
    return <p>No mailbox is connected yet. {me.isAdmin ? "Connect one above: mail starts flowing within a minute." : ""}</p>;
  }
  return (
    <section aria-labelledby="mailboxes-title">
      <h2 id="mailboxes-title">Connected mailboxes ({mailboxes.length})</h2>
      {disconnecting === null ? null : (
        <InlineConfirm
          title={`Disconnect ${disconnecting.address}?`}
          confirmLabel="Disconnect"
          onCancel={() => setDisconnecting(null)}
          onConfirm={async () => {
            await disconnectMailbox(api, disconnecting.id);
            setDisconnecting(null);
            onDisconnected();
          }}
        >
          Its mail stops being logged and its queue is dropped. Email it logged stays on the timelines. You can connect it
          again at any time.
        </InlineConfirm>
      )}
      <Table aria-labelledby="mailboxes-title" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Mailbox</TableHeaderCell>
            <TableHeaderCell>Kind</TableHeaderCell>
            <TableHeaderCell>Watching</TableHeaderCell>
            <TableHeaderCell>First sync</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.map((mailbox) => (
            <TableRow key={mailbox.id} aria-selected={mailbox.id === selected} data-mailbox={mailbox.address}>
              <TableCell>{mailbox.displayName === null ? mailbox.address : `${mailbox.displayName} (${mailbox.address})`}</TableCell>
              <TableCell>{kindShort[mailbox.kind]}</TableCell>
              <TableCell>{watchingInWords(mailbox.subscriptions)}</TableCell>
              <TableCell>{syncInWords(mailbox.sync) ?? "Done"}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => onSelect(mailbox.id)} aria-label={`Details of ${mailbox.address}`}>
                  Details
                </Button>{" "}
                {me.isAdmin ? (
                  <Button size="small" aria-label={`Disconnect ${mailbox.address}`} onClick={() => setDisconnecting(mailbox)}>
                    Disconnect
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pager}
    </section>
  );
}
