import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { MailboxFlow } from "../api/overview";
import { ago } from "../shared/format";
import { usePaged } from "../shared/Pager";
import { lagInWords } from "./series";
import { StateBadge } from "./StateBadge";

const useStyles = makeStyles({
  fix: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
});

const order = { red: 0, amber: 1, green: 2 } as const;

/** Each mailbox, the worst first: its state with the reason and the fix, and its figures of the last 24 hours. */
export function MailboxFlows({ mailboxes }: { mailboxes: readonly MailboxFlow[] }) {
  const styles = useStyles();
  const sorted = [...mailboxes].sort((a, b) => order[a.state] - order[b.state] || a.address.localeCompare(b.address));
  const { page, pager } = usePaged(sorted);
  if (mailboxes.length === 0) {
    return <p>No mailbox is connected yet: connect one on the Mailboxes page.</p>;
  }
  return (
    <section aria-labelledby="flows-title">
      <h2 id="flows-title">Mailboxes</h2>
      <Table size="small" aria-labelledby="flows-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Mailbox</TableHeaderCell>
            <TableHeaderCell>Why, and the fix</TableHeaderCell>
            <TableHeaderCell>Received (24 h)</TableHeaderCell>
            <TableHeaderCell>Logged (24 h)</TableHeaderCell>
            <TableHeaderCell>Backlog</TableHeaderCell>
            <TableHeaderCell>Lag p95 (1 h)</TableHeaderCell>
            <TableHeaderCell>Dead letters</TableHeaderCell>
            <TableHeaderCell>Last notification</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.map((mailbox) => (
            <TableRow key={mailbox.id} data-mailbox={mailbox.address} data-state={mailbox.state}>
              <TableCell>
                <StateBadge state={mailbox.state} />
              </TableCell>
              <TableCell>{mailbox.displayName === null ? mailbox.address : `${mailbox.displayName} (${mailbox.address})`}</TableCell>
              <TableCell>
                <div>{mailbox.reason}</div>
                {mailbox.fix === null ? null : <div className={styles.fix}>Fix: {mailbox.fix}</div>}
              </TableCell>
              <TableCell>{mailbox.notificationsLast24Hours.toLocaleString()}</TableCell>
              <TableCell>{mailbox.emailsLoggedLast24Hours.toLocaleString()}</TableCell>
              <TableCell>{mailbox.backlog.toLocaleString()}</TableCell>
              <TableCell>{lagInWords(mailbox.lagP95LastHourSeconds)}</TableCell>
              <TableCell>{mailbox.deadLetters.toLocaleString()}</TableCell>
              <TableCell>{ago(mailbox.lastNotificationAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pager}
    </section>
  );
}
