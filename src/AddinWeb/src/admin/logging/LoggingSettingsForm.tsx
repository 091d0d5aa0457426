import { useState } from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Switch, tokens } from "@fluentui/react-components";
import { putLogging, type LoggingSettings } from "../api/settings";
import { useAdmin } from "../shell/AdminContext";
import { ErrorBar } from "../shared/Notices";
import { adminFailure } from "../shared/failureText";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

type Choices<K extends keyof LoggingSettings> = { value: LoggingSettings[K]; label: string }[];

const outgoing: Choices<"outgoing"> = [
  { value: "pane", label: "Only what the rep chooses in the pane (and replies in logged conversations)" },
  { value: "knownContacts", label: "Every email to a contact in the CRM" },
  { value: "anyExternal", label: "Every email to someone outside the organisation" },
];
const incoming: Choices<"incoming"> = [
  { value: "none", label: "None" },
  { value: "replies", label: "Replies in logged conversations" },
  { value: "knownContacts", label: "Every email from a contact in the CRM" },
];
const associations: Choices<"associations"> = [
  { value: "none", label: "None: the contact and its company only" },
  { value: "mostRecentOpen", label: "The most recently changed open deal and open ticket" },
  { value: "allOpen", label: "All their open deals and tickets" },
];
const createContacts: Choices<"createContacts"> = [
  { value: "off", label: "Never: only people already in the CRM get the email on their timeline" },
  { value: "sent", label: "For the external people a rep writes to" },
  { value: "sentAndReceived", label: "For the external people a rep writes to or hears from" },
];

/** One setting as a radio group; read-only for a user without Crm.Admin. */
function Choice<K extends "outgoing" | "incoming" | "associations" | "createContacts">(props: {
  label: string;
  choices: Choices<K>;
  value: LoggingSettings[K];
  disabled: boolean;
  onChange: (value: LoggingSettings[K]) => void;
}) {
  return (
    <Field label={props.label}>
      <RadioGroup value={props.value} disabled={props.disabled} onChange={(_, data) => props.onChange(props.choices.find((choice) => choice.value === data.value)?.value ?? props.value)}>
        {props.choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** The account's logging settings: what is logged without the pane, to which records, and contacts for unknown people. */
export function LoggingSettingsForm({ settings, onSaved }: { settings: LoggingSettings; onSaved: () => void }) {
  const styles = useStyles();
  const { api, me } = useAdmin();
  const [value, setValue] = useState<LoggingSettings>(settings);
  const [state, setState] = useState<"saved" | { error: string } | null>(null);
  const set = <K extends keyof LoggingSettings>(key: K) => (next: LoggingSettings[K]) => setValue((current) => ({ ...current, [key]: next }));
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
      <Choice label="Sent email logged without the pane" choices={outgoing} value={value.outgoing} disabled={!me.isAdmin} onChange={set("outgoing")} />
      <Choice label="Received email logged" choices={incoming} value={value.incoming} disabled={!me.isAdmin} onChange={set("incoming")} />
      <Choice
        label="Besides the contact and its company, email logged by these rules also goes to"
        choices={associations}
        value={value.associations}
        disabled={!me.isAdmin}
        onChange={set("associations")}
      />
      <Switch
        label="Users may choose their own sent and received logging"
        checked={value.usersMayOverride}
        disabled={!me.isAdmin}
        onChange={(_, data) => set("usersMayOverride")(data.checked)}
      />
      <Choice
        label="Create a contact when logged email involves someone the CRM does not know"
        choices={createContacts}
        value={value.createContacts}
        disabled={!me.isAdmin}
        onChange={set("createContacts")}
      />
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
