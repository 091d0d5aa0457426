import type { TokenSource } from "../api/client";
import { SignInError } from "./signInError";

/**
 * Development sign-in: a token from the API's dev issuer (POST /dev/token) for the mailbox user, kept in memory only
 * (never localStorage). In Outlook the token comes from Nested App Authentication instead. `roles` are the app roles the
 * token carries (the dev issuer's default is Crm.User): the admin console signs in as Crm.Admin this way.
 */
export function devTokenSource(email: string, displayName?: string, baseUrl = "", roles?: string[]): TokenSource {
  let token: Promise<string> | undefined;
  return () => {
    token ??= fetch(`${baseUrl}/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, ...(displayName === undefined ? {} : { displayName }), ...(roles === undefined ? {} : { roles }) }),
    }).then(async (response) => {
      if (!response.ok) {
        token = undefined;
        throw new SignInError(`the development sign-in failed (${response.status})`);
      }
      return ((await response.json()) as { accessToken: string }).accessToken;
    });
    return token;
  };
}
