import { useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { getLogging } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { AskYourAdmin, LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { AccountAudit } from "./AccountAudit";
import { LoggingSettingsForm } from "./LoggingSettingsForm";
import { NeverLogList } from "./NeverLogList";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
});

/** Logging: the account's settings, the never-log list (everyone's own entries too), and the audit of admin actions. */
export function LoggingPage() {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => getLogging(api, signal), "logging");
  // A change on this page shows in the audit below at once.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((n) => n + 1);
  return (
    <div className={styles.page}>
      {me.isAdmin ? null : <AskYourAdmin what="change the logging settings, add account-wide never-log entries or read the account audit" />}
      <LoadedView loaded={loaded} label="The logging settings" onRetry={reload}>
        {(settings) => <LoggingSettingsForm settings={settings} onSaved={changed} />}
      </LoadedView>
      <NeverLogList onChanged={changed} />
      {me.isAdmin ? <AccountAudit version={version} /> : null}
    </div>
  );
}
