import { InteractionRequiredAuthError, PublicClientApplication } from "@azure/msal-browser";
import { SignInError } from "../../auth/signInError";
import type { AdminSignIn } from "./adminSignIn";

/**
 * The standard MSAL redirect flow with the same Entra app as the pane (its SPA redirect URI is `https://<host>/admin/`,
 * docs/deploy.md). MSAL keeps its cache in the tab's sessionStorage: the redirect must survive the round trip to Entra,
 * and nothing outlives the tab (never localStorage).
 */
export async function redirectSignIn(clientId: string, authority: string, scopes: string[]): Promise<AdminSignIn> {
  const msal = new PublicClientApplication({
    auth: { clientId, authority, redirectUri: `${window.location.origin}/admin/` },
    cache: { cacheLocation: "sessionStorage" },
  });
  await msal.initialize();
  let account;
  try {
    account = (await msal.handleRedirectPromise())?.account ?? msal.getAllAccounts()[0];
  } catch (error) {
    return { state: "unavailable", message: `Sign-in failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (account === undefined) {
    return { state: "signed-out", signIn: () => msal.loginRedirect({ scopes }) };
  }
  msal.setActiveAccount(account);
  const signedIn = account;
  return {
    state: "signed-in",
    token: async () => {
      try {
        return (await msal.acquireTokenSilent({ scopes, account: signedIn })).accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) {
          // Consent, MFA or an expired session: back to Entra, and this page again afterwards.
          await msal.acquireTokenRedirect({ scopes, account: signedIn });
        }
        throw new SignInError(error instanceof Error ? error.message : String(error));
      }
    },
    signOut: () => void msal.logoutRedirect({ account: signedIn, postLogoutRedirectUri: `${window.location.origin}/admin/` }),
  };
}
