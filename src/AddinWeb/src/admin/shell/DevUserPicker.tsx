import { useState } from "react";
import { Button, Field, Input, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { rememberDevIdentity, type DevIdentity } from "../auth/adminSignIn";

const useStyles = makeStyles({
  form: { maxWidth: "28rem", margin: "0 auto", padding: "3rem 1rem", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * Development only (the server's dev issuer, as the harness uses): pick who to be. `?as=alex@contoso.com&role=Crm.Admin`
 * skips this page. In production the console signs in with Entra ID instead and this is never shown.
 */
export function DevUserPicker({ onChosen }: { onChosen: () => void }) {
  const styles = useStyles();
  const [email, setEmail] = useState("alex@contoso.com");
  const [role, setRole] = useState<DevIdentity["role"]>("Crm.Admin");
  const valid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim());
  return (
    <main>
      <form
        className={styles.form}
        aria-labelledby="dev-sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          rememberDevIdentity({ email: email.trim(), role }, sessionStorage);
          onChosen();
        }}
      >
        <h1 id="dev-sign-in">Sign in (development)</h1>
        <p>This server signs people in with its development issuer. Everyone at contoso.com is in the demo account.</p>
        <Field label="Email address" required validationMessage={valid ? null : "Give an email address, e.g. alex@contoso.com."}>
          <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
        </Field>
        <Field label="Role in the token">
          <RadioGroup value={role} onChange={(_, data) => setRole(data.value === "Crm.User" ? "Crm.User" : "Crm.Admin")}>
            <Radio value="Crm.Admin" label="Crm.Admin (an OutlookCrm admin)" />
            <Radio value="Crm.User" label="Crm.User (a rep or an agent)" />
          </RadioGroup>
        </Field>
        <Button appearance="primary" type="submit" disabled={!valid}>
          Sign in
        </Button>
      </form>
    </main>
  );
}
