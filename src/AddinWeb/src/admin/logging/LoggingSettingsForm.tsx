import { useState } from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { putLogging, type CreateContacts } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar } from "../shared/Notices";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

const choices: { value: CreateContacts; label: string }[] = [
  { value: "off", label: "Never: only people already in the CRM get the email on their timeline" },
  { value: "sent", label: "For the external people a rep writes to" },
  { value: "sentAndReceived", label: "For the external people a rep writes to or hears from" },
];

/** Whether logging creates contacts for unknown external addresses: the account's logging setting. */
export function LoggingSettingsForm({ createContacts, onSaved }: { createContacts: CreateContacts | null; onSaved: () => void }) {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [value, setValue] = useState<CreateContacts>(createContacts ?? "off");
  const [state, setState] = useState<"saved" | { error: string } | null>(null);
  return (
    <form
      className={styles.form}
      aria-labelledby="logging-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        putLogging(api, value).then(
          () => {
            setState("saved");
            onSaved();
          },
          (error: unknown) => setState({ error: adminFailure(error).message }),
        );
      }}
    >
      <h2 id="logging-settings-title">Logging settings</h2>
      <Field label="Create a contact when logged email involves someone the CRM does not know">
        <RadioGroup value={value} disabled={!me.isAdmin} onChange={(_, data) => setValue(choices.find((choice) => choice.value === data.value)?.value ?? "off")}>
          {choices.map((choice) => (
            <Radio key={choice.value} value={choice.value} label={choice.label} />
          ))}
        </RadioGroup>
      </Field>
      {me.isAdmin ? (
        <div>
          <Button appearance="primary" type="submit">
            Save logging settings
          </Button>
        </div>
      ) : null}
      {state === null ? null : state === "saved" ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Saved. The change is in the account audit below.</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorBar message={state.error} />
      )}
    </form>
  );
}
