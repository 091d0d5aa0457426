import { makeStyles, tokens } from "@fluentui/react-components";
import { getPrivacy } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { AskYourAdmin, LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { Erasure } from "./Erasure";
import { LegalBasisAudit } from "./LegalBasisAudit";
import { PrivacySettingsForm } from "./PrivacySettingsForm";
import { SubscriptionTypes } from "./SubscriptionTypes";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
});

/** Privacy: the settings and subscription types; the legal-basis audit and erasure for admins. */
export function PrivacyPage() {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => getPrivacy(api, signal), "privacy");
  return (
    <div className={styles.page}>
      {me.isAdmin ? null : <AskYourAdmin what="change the privacy settings, read the legal-basis audit or erase a contact" />}
      <LoadedView loaded={loaded} label="The privacy settings" onRetry={reload}>
        {(settings) => <PrivacySettingsForm settings={settings} onSaved={reload} />}
      </LoadedView>
      <SubscriptionTypes />
      {me.isAdmin ? <LegalBasisAudit /> : null}
      {me.isAdmin ? <Erasure /> : null}
    </div>
  );
}
