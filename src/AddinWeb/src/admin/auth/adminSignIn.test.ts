import { describe, expect, it } from "vitest";
import { devIdentity, rolesOf } from "./adminSignIn";

function memory(): Pick<Storage, "getItem" | "setItem"> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe("the development sign-in of the console", () => {
  it("takes ?as and ?role, and remembers them for the tab", () => {
    const storage = memory();
    expect(devIdentity("?as=alex@contoso.com&role=Crm.User", storage)).toEqual({ email: "alex@contoso.com", role: "Crm.User" });
    expect(devIdentity("", storage)).toEqual({ email: "alex@contoso.com", role: "Crm.User" });
  });

  it("makes an admin when no role is named, and nobody without an address", () => {
    expect(devIdentity("?as=alex@contoso.com", memory())?.role).toBe("Crm.Admin");
    expect(devIdentity("?as=alex", memory())).toBeNull();
    expect(devIdentity("", memory())).toBeNull();
  });

  it("gives an admin both roles, as Entra does for an admin who is also a user", () => {
    expect(rolesOf({ email: "a@b.com", role: "Crm.Admin" })).toEqual(["Crm.User", "Crm.Admin"]);
    expect(rolesOf({ email: "a@b.com", role: "Crm.User" })).toEqual(["Crm.User"]);
  });
});
