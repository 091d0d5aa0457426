import type { TokenSource } from "../api/client";
import { supportsNestedAppAuth } from "../office/host";
import { devTokenSource } from "./devToken";
import { SignInError } from "./signInError";

/** GET /addin/sign-in.json: how this deployment signs the pane in. */
export interface SignInConfig {
  method: "naa" | "dev" | "none";
  clientId: string | null;
  authority: string | null;
  scopes: string[];
}

/** The token source the server's sign-in config calls for. */
export function tokenSourceFor(config: SignInConfig, email: string | undefined, baseUrl = ""): TokenSource {
  if (config.method === "dev") {
    return devTokenSource(email ?? "alex@contoso.com", undefined, baseUrl);
  }
  if (config.method === "naa" && config.clientId !== null && config.authority !== null) {
    const { clientId, authority, scopes } = config;
    if (!supportsNestedAppAuth()) {
      return () => Promise.reject(new SignInError("This version of Outlook cannot sign in add-ins (Nested App Authentication); update Outlook."));
    }
    let source: Promise<TokenSource> | undefined;
    return async () => {
      // MSAL is loaded on first use only.
      source ??= import("./naa").then((naa) => naa.naaTokenSource(clientId, authority, scopes));
      return (await source)();
    };
  }
  return () => Promise.reject(new SignInError("Sign-in is not configured on this OutlookCrm server."));
}

/**
 * A token source that first asks the server how to sign in, once (at an absolute base URL in Outlook's event runtime,
 * which has no page origin); until then no token is asked for. A failed ask is
 * retried on the next call.
 */
export function signedIn(email: string | undefined, baseUrl = ""): TokenSource {
  let source: Promise<TokenSource> | undefined;
  return async () => {
    source ??= fetch(`${baseUrl}/addin/sign-in.json`).then(async (response) => {
      if (!response.ok) {
        throw new SignInError(`The sign-in settings could not be read (${response.status}).`);
      }
      return tokenSourceFor((await response.json()) as SignInConfig, email, baseUrl);
    });
    try {
      return await (await source)();
    } catch (error) {
      source = undefined;
      throw error;
    }
  };
}
