import { useState } from "react";
import { Button, Field, Input, makeStyles, Select, SpinButton, tokens } from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { connectMailbox, type Mailbox, type MailboxKind } from "../api/mailboxes";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar } from "../shared/Notices";
import { AddressPicker } from "./AddressPicker";
import { kindLabels } from "./kinds";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))", gap: tokens.spacingHorizontalL, alignItems: "end" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Connect a personal, team or help-desk mailbox; Graph's refusals come back as the API words them, with the fix. */
export function ConnectForm({ onConnected }: { onConnected: (mailbox: Mailbox) => void }) {
  const styles = useStyles();
  const { api } = useAdmin();
  const [address, setAddress] = useState("");
  const [kind, setKind] = useState<MailboxKind>("team");
  const [displayName, setDisplayName] = useState("");
  const [userId, setUserId] = useState("");
  const [importDays, setImportDays] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const mailbox = await connectMailbox(api, {
        address: address.trim(),
        kind,
        ...(displayName.trim() === "" ? {} : { displayName: displayName.trim() }),
        ...(userId.trim() === "" ? {} : { userId: userId.trim() }),
        ...(importDays > 0 ? { importDays } : {}),
      });
      setAddress("");
      setDisplayName("");
      setUserId("");
      onConnected(mailbox);
    } catch (caught) {
      setError({ message: adminFailure(caught).message, fields: caught instanceof ApiError ? caught.errors : {} });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => error?.fields[name]?.[0];
  return (
    <section aria-labelledby="connect-title" className={styles.section}>
      <h2 id="connect-title">Connect a mailbox</h2>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <AddressPicker value={address} onChange={setAddress} error={fieldError("address")} />
        <Field label="Kind">
          <Select value={kind} onChange={(_, data) => setKind(data.value as MailboxKind)}>
            {(Object.keys(kindLabels) as MailboxKind[]).map((each) => (
              <option key={each} value={each}>
                {kindLabels[each]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Display name (optional)" validationMessage={fieldError("displayName") ?? null}>
          <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} />
        </Field>
        <Field label="User id (only when its sign-in name differs from the address)" validationMessage={fieldError("userId") ?? null}>
          <Input value={userId} onChange={(_, data) => setUserId(data.value)} />
        </Field>
        <Field label="Also log the last days of mail (0 to 90)" validationMessage={fieldError("importDays") ?? null}>
          <SpinButton min={0} max={90} value={importDays} onChange={(_, data) => setImportDays(Math.max(0, Math.min(90, data.value ?? (Number(data.displayValue) || 0))))} />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy || address.trim() === ""}>
          {busy ? "Connecting…" : "Connect"}
        </Button>
      </form>
      {error === null ? null : <ErrorBar message={error.message} />}
    </section>
  );
}
