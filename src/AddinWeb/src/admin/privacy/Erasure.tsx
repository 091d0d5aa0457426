import { useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { RecordSummary } from "../../api/records";
import { eraseContact, previewErasure, type ErasureDone } from "../api/erasure";
import { useAdmin } from "../shell/AdminContext";
import { Confirm } from "../shared/Confirm";
import { LoadedView } from "../shared/Notices";
import { useLoad } from "../shared/useLoad";
import { ContactPicker } from "./ContactPicker";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0` },
});

const relatedNames: Record<string, string> = {
  associations: "associations with other records",
  timelineEntries: "timeline entries",
  legalBasisRows: "legal-basis rows (subscriptions, opt-outs, one-time bases)",
  addressChoices: "address choices",
};

/**
 * A data subject's erasure (GDPR art. 17): find the contact, see what erasure will remove, confirm. It cannot be
 * undone: the addresses go on the suppression list, so the person is never added again, even by hand.
 */
export function Erasure() {
  const [contact, setContact] = useState<RecordSummary | null>(null);
  const [done, setDone] = useState<ErasureDone | null>(null);
  return (
    <section aria-labelledby="erasure-title">
      <h2 id="erasure-title">Erase a contact</h2>
      <ContactPicker label="Contact to erase" onPick={(picked) => { setDone(null); setContact(picked); }} />
      {contact === null ? null : <Preview key={contact.id} contact={contact} onErased={(erased) => { setContact(null); setDone(erased); }} />}
      {done === null ? null : (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            Erased: {done.addressesErased} address(es) suppressed, {done.emailsDeleted} email(s) deleted, {done.emailsRedacted} redacted.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function Preview({ contact, onErased }: { contact: RecordSummary; onErased: (done: ErasureDone) => void }) {
  const styles = useStyles();
  const { api } = useAdmin();
  const [loaded, reload] = useLoad((signal) => previewErasure(api, contact.id, signal), contact.id);
  return (
    <LoadedView loaded={loaded} label="What erasure would remove" onRetry={reload}>
      {(preview) => (
        <div aria-label={`Erasure of ${preview.name}`} role="group">
          <p>Erasing {preview.name} will:</p>
          <ul className={styles.list}>
            <li>suppress {preview.addressesSuppressed} address(es) for good: {preview.addresses.join(", ") || "none"};</li>
            <li>delete {preview.emailsDeleted} logged email(s) that concerned them alone, and redact them in {preview.emailsRedacted} other(s);</li>
            <li>delete {preview.purgedCopiesDeleted} copy(ies) kept for a never-log restore;</li>
            {Object.entries(preview.related).map(([name, count]) => (
              <li key={name}>remove {count} {relatedNames[name] ?? name};</li>
            ))}
            <li>keep the contact's legal-basis audit trail, as the law requires.</li>
          </ul>
          <Confirm
            trigger={<Button appearance="primary">Erase {preview.name}</Button>}
            title={`Erase ${preview.name}?`}
            confirmLabel="Erase for good"
            onConfirm={async () => onErased(await eraseContact(api, contact.id))}
          >
            This cannot be undone: what is listed goes now, and their addresses can never be added again.
          </Confirm>
        </div>
      )}
    </LoadedView>
  );
}
