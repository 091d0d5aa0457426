import { useState } from "react";
import { Badge, Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { runDoctor, type DoctorReport } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar } from "../shared/Notices";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fix: { margin: `${tokens.spacingVerticalXS} 0 0`, whiteSpace: "pre-wrap" },
});

const colourOf = (status: string) => (status === "ok" ? "success" : status === "failed" ? "danger" : "informative");

/**
 * The doctor's checks for this mailbox (the Graph token, the mailbox permission and scope, the webhook's reachability,
 * the subscription lifetime, the clock), each with its fix. It makes and deletes a real subscription, so it runs on
 * request only.
 */
export function DoctorChecks({ address }: { address: string }) {
  const styles = useStyles();
  const { api } = useAdmin();
  const [report, setReport] = useState<DoctorReport | { error: string } | "running" | null>(null);
  return (
    <section aria-labelledby="doctor-title">
      <h3 id="doctor-title">Checks</h3>
      <Button
        disabled={report === "running"}
        onClick={() => {
          setReport("running");
          runDoctor(api, address).then(setReport, (error: unknown) => setReport({ error: adminFailure(error).message }));
        }}
      >
        Run the checks
      </Button>
      {report === null ? null : report === "running" ? (
        <Spinner size="small" label="Checking with Microsoft 365 (up to a minute)…" />
      ) : "error" in report ? (
        <ErrorBar message={report.error} />
      ) : (
        <ul className={styles.list} aria-label="Check results">
          {report.checks.map((check) => (
            <li key={check.check}>
              <Badge appearance="tint" color={colourOf(check.status)}>
                {check.status}
              </Badge>{" "}
              <strong>{check.check}</strong>: {check.summary}
              {check.fix === null ? null : <p className={styles.fix}>Fix: {check.fix}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
