import { useEffect } from "react";
import { makeStyles, Table, TableBody, TableCell, TableRow, tokens } from "@fluentui/react-components";
import { mailboxHealth, type MailboxHealth } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { ago, when } from "../shared/format";
import { LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { DeadLetters } from "./DeadLetters";
import { DoctorChecks } from "./DoctorChecks";
import { ReprocessForm } from "./ReprocessForm";
import { folderName, syncInWords, watchingInWords } from "./syncText";

const useStyles = makeStyles({
  detail: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  facts: { maxWidth: "48rem" },
});

/** One mailbox's health, its first sync as it goes, and its repairs: replay a period, dead letters, the doctor. */
export function MailboxDetail({ mailboxId, onChanged }: { mailboxId: string; onChanged: () => void }) {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => mailboxHealth(api, mailboxId, signal), mailboxId);
  const syncing = loaded.state === "done" && syncInWords(loaded.data.sync) !== null;

  // Health is read again every few seconds while it is shown (more often while a first sync runs): the admin watches
  // a repair take effect without reloading.
  useEffect(() => {
    const timer = window.setInterval(reload, syncing ? 2000 : 5000);
    return () => window.clearInterval(timer);
  }, [syncing, reload]);

  return (
    <section aria-labelledby="detail-title" className={styles.detail}>
      <LoadedView loaded={loaded} label="This mailbox's health" onRetry={reload}>
        {(health) => (
          <>
            <h2 id="detail-title">{health.address}</h2>
            <Table size="small" className={styles.facts} aria-label={`Health of ${health.address}`}>
              <TableBody>
                <Fact name="Watching" value={watchingInWords(health.subscriptions)} />
                {health.subscriptions.map((each) => (
                  <Fact key={each.folder} name={`${folderName(each.folder)} subscription`} value={`${each.status}, expires ${when(each.expiresAt)}`} />
                ))}
                <Fact name="Last notification" value={ago(health.lastNotificationAt)} />
                <Fact name="Waiting to be processed" value={health.backlog.toLocaleString()} />
                <Fact name="Processed" value={health.done.toLocaleString()} />
                <Fact name="Dead letters" value={health.deadLetters.toLocaleString()} />
                <Fact name="First sync" value={syncInWords(health.sync) ?? "Done"} />
                <Fact name="Last error" value={health.lastError ?? "None"} />
                <Fact name="Sent without the legal-basis check" value={uncheckedInWords(health.sentWithoutCheck)} />
              </TableBody>
            </Table>
            {me.isAdmin ? (
              <>
                <ReprocessForm mailboxId={mailboxId} onDone={() => { reload(); onChanged(); }} />
                <DeadLetters mailboxId={mailboxId} count={health.deadLetters} onRetried={reload} />
                <DoctorChecks address={health.address} />
              </>
            ) : null}
          </>
        )}
      </LoadedView>
    </section>
  );
}

/** The contacts concerned are in the legal-basis audit (Privacy), event "sentWithoutCheck". */
function uncheckedInWords(counts: MailboxHealth["sentWithoutCheck"]): string {
  return counts.last30Days === 0
    ? "None in 30 days"
    : `${counts.last7Days.toLocaleString()} in 7 days, ${counts.last30Days.toLocaleString()} in 30 days (see the legal-basis audit)`;
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <TableRow>
      <TableCell>{name}</TableCell>
      <TableCell>{value}</TableCell>
    </TableRow>
  );
}
