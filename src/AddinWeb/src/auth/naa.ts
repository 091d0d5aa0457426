import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from "@azure/msal-browser";
import type { TokenSource } from "../api/client";
import { SignInError } from "./signInError";

/**
 * Nested App Authentication (MSAL.js): Outlook itself brokers the token for the API's scope, so the rep signs in once,
 * to Outlook. Loaded only when the server asks for it, so the dev harness and the first screen do not carry MSAL.
 * MSAL keeps what it caches in memory only: tokens never reach localStorage.
 */
export function naaTokenSource(clientId: string, authority: string, scopes: string[]): TokenSource {
  let app: Promise<IPublicClientApplication> | undefined;
  return async () => {
    app ??= createNestablePublicClientApplication({ auth: { clientId, authority }, cache: { cacheLocation: "memoryStorage" } });
    const msal = await app;
    const request = { scopes };
    try {
      return (await msal.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) {
        throw new SignInError(error instanceof Error ? error.message : String(error));
      }
    }
    try {
      // Consent or MFA: Outlook shows its own sign-in window for the pane.
      return (await msal.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      throw new SignInError(error instanceof Error ? error.message : String(error));
    }
  };
}
