import { afterEach, describe, expect, it, vi } from "vitest";
import { tokenSourceFor } from "./signIn";
import { SignInError } from "./signInError";

describe("tokenSourceFor", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("signs in with the dev issuer when the server says so, as the mailbox user", async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ accessToken: "dev-token" }), { status: 200 })));
    vi.stubGlobal("fetch", fetch);

    const token = await tokenSourceFor({ method: "dev", clientId: null, authority: null, scopes: [] }, "megan@contoso.com")();

    expect(token).toBe("dev-token");
    const [, init] = fetch.mock.calls[0] as unknown as [string, { body: string }];
    expect(JSON.parse(init.body)).toEqual({ email: "megan@contoso.com" });
  });

  it("refuses with a sign-in error when the server has no sign-in", async () => {
    await expect(tokenSourceFor({ method: "none", clientId: null, authority: null, scopes: [] }, undefined)()).rejects.toBeInstanceOf(SignInError);
  });

  it("refuses NAA where Outlook cannot broker it, rather than failing inside MSAL", async () => {
    const naa = tokenSourceFor({ method: "naa", clientId: "app", authority: "https://login.microsoftonline.com/organizations", scopes: ["api://x/access_as_user"] }, undefined);
    await expect(naa()).rejects.toThrow(/Nested App Authentication/);
  });
});
