import { useEffect, useMemo, useState } from "react";
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ApiClient, failure } from "../../api/client";
import { getMe, type Me } from "../api/me";
import { startAdminSignIn, type AdminSignIn } from "../auth/adminSignIn";
import { AdminContext } from "./AdminContext";
import { DevUserPicker } from "./DevUserPicker";
import { Layout } from "./Layout";
import { useDarkTheme } from "./theme";

const useStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    // Fluent's tables share their width equally between columns: an address ran over the next column at 1024 px.
    // Columns take the width their content needs, and a long address wraps anywhere rather than overflow.
    "& table": { tableLayout: "auto" },
    "& td": { overflowWrap: "anywhere" },
    "& td .fui-Badge": { whiteSpace: "nowrap", overflowWrap: "normal", minWidth: "max-content" },
  },
  centred: { maxWidth: "32rem", margin: "0 auto", padding: "3rem 1rem", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** The console: its theme, the sign-in, then who the API takes the user to be, then the pages. */
export function AdminApp() {
  const [dark, setDark] = useDarkTheme();
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <SignedIn dark={dark} onDarkChange={setDark} />
    </FluentProvider>
  );
}

function SignedIn({ dark, onDarkChange }: { dark: boolean; onDarkChange: (dark: boolean) => void }) {
  const styles = useStyles();
  const [signIn, setSignIn] = useState<AdminSignIn | "starting">("starting");
  const [me, setMe] = useState<Me | { error: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void startAdminSignIn(() => window.location.assign("/admin/")).then(setSignIn, (error: unknown) =>
      setSignIn({ state: "unavailable", message: failure(error).message }),
    );
  }, [attempt]);

  const api = useMemo(() => (typeof signIn === "object" && signIn.state === "signed-in" ? new ApiClient(signIn.token) : null), [signIn]);

  useEffect(() => {
    if (api === null) {
      return;
    }
    const controller = new AbortController();
    getMe(api, controller.signal).then(setMe, (error: unknown) => {
      if (!controller.signal.aborted) {
        setMe({ error: failure(error).message });
      }
    });
    return () => controller.abort();
  }, [api]);

  if (signIn === "starting" || (api !== null && me === null)) {
    return (
      <main className={styles.centred}>
        <Spinner label="Signing in to the OutlookCrm admin console…" />
      </main>
    );
  }
  if (signIn.state === "choose-dev-user") {
    return <DevUserPicker onChosen={() => setAttempt((n) => n + 1)} />;
  }
  if (signIn.state === "signed-out" || signIn.state === "unavailable") {
    return (
      <main className={styles.centred}>
        <h1>OutlookCrm admin console</h1>
        {signIn.state === "signed-out" ? (
          <>
            <p>Sign in with your work account. Admins of OutlookCrm (the Crm.Admin role) manage mailboxes, privacy and logging here.</p>
            <Button appearance="primary" onClick={() => void signIn.signIn()}>
              Sign in
            </Button>
          </>
        ) : (
          <MessageBar intent="error">
            <MessageBarBody>{signIn.message}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    );
  }
  if (api === null || me === null || "error" in me) {
    return (
      <main className={styles.centred}>
        <h1>OutlookCrm admin console</h1>
        <MessageBar intent="error">
          <MessageBarBody>{me !== null && "error" in me ? me.error : "Signing in failed."}</MessageBarBody>
        </MessageBar>
        <Button onClick={signIn.signOut}>Sign in as someone else</Button>
      </main>
    );
  }
  return (
    <AdminContext.Provider value={{ api, me }}>
      <Layout dark={dark} onDarkChange={onDarkChange} onSignOut={signIn.signOut} />
    </AdminContext.Provider>
  );
}
