import type { TokenSource } from "../../api/client";
import { devTokenSource } from "../../auth/devToken";
import { SignInError } from "../../auth/signInError";

/** GET /admin/sign-in.json: how this deployment signs the console in. */
export interface AdminSignInConfig {
  method: "redirect" | "dev" | "none";
  clientId: string | null;
  authority: string | null;
  scopes: string[];
}

/** Where sign-in stands: a token source once signed in, or what the page must offer first. */
export type AdminSignIn =
  | { state: "signed-in"; token: TokenSource; signOut: () => void }
  | { state: "choose-dev-user" }
  | { state: "signed-out"; signIn: () => Promise<void> }
  | { state: "unavailable"; message: string };

/** The development identity picked (`?as=…&role=…` or the picker), kept for the tab only: never a token. */
export interface DevIdentity {
  email: string;
  role: "Crm.Admin" | "Crm.User";
}

const devKey = "outlookcrm.admin.dev-identity";

/** `?as=alex@contoso.com&role=Crm.Admin` first (and remembered for the tab), else what was picked before in this tab. */
export function devIdentity(search: string, storage: Pick<Storage, "getItem" | "setItem">): DevIdentity | null {
  const query = new URLSearchParams(search);
  const as = query.get("as");
  if (as?.includes("@")) {
    const identity: DevIdentity = { email: as.trim(), role: query.get("role") === "Crm.User" ? "Crm.User" : "Crm.Admin" };
    storage.setItem(devKey, JSON.stringify(identity));
    return identity;
  }
  const kept = storage.getItem(devKey);
  if (kept === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(kept) as Partial<DevIdentity>;
    return typeof parsed.email === "string" ? { email: parsed.email, role: parsed.role === "Crm.User" ? "Crm.User" : "Crm.Admin" } : null;
  } catch {
    return null;
  }
}

export function rememberDevIdentity(identity: DevIdentity, storage: Pick<Storage, "setItem">): void {
  storage.setItem(devKey, JSON.stringify(identity));
}

export function forgetDevIdentity(storage: Pick<Storage, "removeItem">): void {
  storage.removeItem(devKey);
}

/** A Crm.Admin token carries both roles, as Entra gives an admin who is also a user. */
export function rolesOf(identity: DevIdentity): string[] {
  return identity.role === "Crm.Admin" ? ["Crm.User", "Crm.Admin"] : ["Crm.User"];
}

/** Reads the server's sign-in settings and finishes a sign-in redirect if the page is its return. */
export async function startAdminSignIn(onSignOut: () => void): Promise<AdminSignIn> {
  const response = await fetch("/admin/sign-in.json");
  if (!response.ok) {
    return { state: "unavailable", message: `The sign-in settings could not be read (${response.status}). Reload the page; if it persists, ask IT to check the server.` };
  }
  const config = (await response.json()) as AdminSignInConfig;
  if (config.method === "dev") {
    const identity = devIdentity(window.location.search, sessionStorage);
    if (identity === null) {
      return { state: "choose-dev-user" };
    }
    return {
      state: "signed-in",
      token: devTokenSource(identity.email, undefined, "", rolesOf(identity)),
      signOut: () => {
        forgetDevIdentity(sessionStorage);
        onSignOut();
      },
    };
  }
  if (config.method === "redirect" && config.clientId !== null && config.authority !== null) {
    // MSAL is loaded only where Entra ID signs the console in.
    const { redirectSignIn } = await import("./redirect");
    return redirectSignIn(config.clientId, config.authority, config.scopes);
  }
  return { state: "unavailable", message: "Sign-in is not configured on this OutlookCrm server: IT sets AzureAd:ClientId (docs/deploy.md)." };
}

export { SignInError };
