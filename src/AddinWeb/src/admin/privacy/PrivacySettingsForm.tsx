import { useState } from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, SpinButton, Switch, Textarea, tokens } from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { putPrivacy, type PrivacySettings } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar } from "../shared/Notices";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

/** The account's data-privacy settings; a user without Crm.Admin sees them and cannot change them. */
export function PrivacySettingsForm({ settings, onSaved }: { settings: PrivacySettings; onSaved: (saved: PrivacySettings) => void }) {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [unknown, setUnknown] = useState(settings.unknownRecipients);
  const [domains, setDomains] = useState(settings.internalDomains.join("\n"));
  const [retention, setRetention] = useState(settings.bodyRetentionDays ?? 0);
  const [state, setState] = useState<{ saved: true } | { error: string; fields: Record<string, string[]> } | null>(null);
  const readOnly = !me.isAdmin;
  const fieldError = (name: string) => (state !== null && "fields" in state ? Object.entries(state.fields).find(([key]) => key.startsWith(name))?.[1][0] : undefined) ?? null;

  return (
    <form
      className={styles.form}
      aria-labelledby="privacy-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        const internalDomains = domains.split(/[\s,]+/).map((each) => each.trim()).filter((each) => each !== "");
        putPrivacy(api, { enabled, unknownRecipients: unknown, internalDomains, bodyRetentionDays: retention }).then(
          (saved) => {
            setState({ saved: true });
            onSaved(saved);
          },
          (error: unknown) => setState({ error: adminFailure(error).message, fields: error instanceof ApiError ? error.errors : {} }),
        );
      }}
    >
      <h2 id="privacy-settings-title">Privacy settings</h2>
      <Switch label="Data privacy (GDPR): check each recipient's legal basis before an email goes" checked={enabled} disabled={readOnly} onChange={(_, data) => setEnabled(data.checked)} />
      <Field label="A recipient the CRM does not know">
        <RadioGroup value={unknown} disabled={readOnly} onChange={(_, data) => setUnknown(data.value === "block" ? "block" : "warn")}>
          <Radio value="warn" label="Warn the rep; the email may go" />
          <Radio value="block" label="Block until the rep records a legal basis" />
        </RadioGroup>
      </Field>
      <Field label="Internal domains (one per line): mail only among them is never logged" validationMessage={fieldError("internalDomains")}>
        <Textarea value={domains} disabled={readOnly} onChange={(_, data) => setDomains(data.value)} rows={3} />
      </Field>
      <Field label="Keep logged email bodies for (days; 0 keeps them for good)" validationMessage={fieldError("bodyRetentionDays")}>
        <SpinButton min={0} max={3650} value={retention} disabled={readOnly} onChange={(_, data) => setRetention(Math.max(0, data.value ?? (Number(data.displayValue) || 0)))} />
      </Field>
      {readOnly ? null : (
        <div>
          <Button appearance="primary" type="submit">
            Save privacy settings
          </Button>
        </div>
      )}
      {state === null ? null : "saved" in state ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Saved. The change is in the account audit (Logging page).</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar message={state.error} />
      )}
    </form>
  );
}
