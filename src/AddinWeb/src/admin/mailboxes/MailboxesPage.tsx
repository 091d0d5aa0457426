import { useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { listMailboxes } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { AskYourAdmin, LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { ConnectForm } from "./ConnectForm";
import { MailboxDetail } from "./MailboxDetail";
import { MailboxTable } from "./MailboxTable";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

/** Connect, watch and repair the account's mailboxes; a user without Crm.Admin sees them but changes nothing. */
export function MailboxesPage() {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [loaded, reload] = useLoad((signal) => listMailboxes(api, signal), "mailboxes");
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className={styles.page}>
      {me.isAdmin ? <ConnectForm onConnected={(mailbox) => { reload(); setSelected(mailbox.id); }} /> : <AskYourAdmin what="connect, disconnect or repair mailboxes" />}
      <LoadedView loaded={loaded} label="The connected mailboxes" onRetry={reload}>
        {(data) => (
          <>
            <MailboxTable mailboxes={data.items} selected={selected} onSelect={setSelected} onDisconnected={() => { setSelected(null); reload(); }} />
          </>
        )}
      </LoadedView>
      {selected === null ? null : <MailboxDetail key={selected} mailboxId={selected} onChanged={reload} />}
    </div>
  );
}
