import { useEffect } from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { getOverview, type Overview } from "../api/overview";
import { useAdmin } from "../shell/AdminContext";
import { AskYourAdmin, LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { FlowChart } from "./FlowChart";
import { MailboxFlows } from "./MailboxFlows";
import { lagInWords } from "./series";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(10rem, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** Is mail flowing? The account's figures, the last 7 days by hour, and each mailbox's state with its fix. */
export function OverviewPage() {
  const { me } = useAdmin();
  return me.isAdmin ? <AdminOverview /> : <AskYourAdmin what="see whether mail is flowing in every mailbox (the Mailboxes page lists them)" />;
}

function AdminOverview() {
  const styles = useStyles();
  const { api } = useAdmin();
  const [loaded, reload] = useLoad((signal) => getOverview(api, signal), "overview");
  // The page follows the flow by itself: read again every 15 s.
  useEffect(() => {
    const timer = window.setInterval(reload, 15000);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <div className={styles.page}>
      <LoadedView loaded={loaded} label="The overview" onRetry={reload}>
        {(overview) => (
          <>
            <div>
              <Text>As of {new Date(overview.generatedAt).toLocaleTimeString()} (read again every 15 s) </Text>
              <Button size="small" onClick={reload}>
                Refresh now
              </Button>
            </div>
            <Figures overview={overview} />
            <FlowChart notifications={overview.totals.notifications} logged={overview.totals.emailsLogged} hoursFrom={overview.hoursFrom} />
            <MailboxFlows mailboxes={overview.mailboxes} />
          </>
        )}
      </LoadedView>
    </div>
  );
}

function Figures({ overview }: { overview: Overview }) {
  const styles = useStyles();
  const { totals } = overview;
  const figures: [string, string][] = [
    ["Mailboxes flowing", `${totals.states.green} of ${overview.mailboxes.length}`],
    ["Need a look / not flowing", `${totals.states.amber} / ${totals.states.red}`],
    ["Received (24 h)", totals.notificationsLast24Hours.toLocaleString()],
    ["Logged (24 h)", totals.emailsLoggedLast24Hours.toLocaleString()],
    ["Backlog", totals.backlog.toLocaleString()],
    ["Lag p95 (last hour)", lagInWords(totals.lagP95LastHourSeconds)],
    ["Dead letters", totals.deadLetters.toLocaleString()],
    ["Subscriptions expiring soon", totals.subscriptionsExpiringSoon.toLocaleString()],
  ];
  return (
    <dl className={styles.figures} aria-label="The account's figures">
      {figures.map(([name, value]) => (
        <div key={name} className={styles.figure}>
          <dt>
            <Text>{name}</Text>
          </dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
