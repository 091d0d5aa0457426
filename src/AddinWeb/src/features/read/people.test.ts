import { describe, expect, it } from "vitest";
import type { AddressMatches, MatchedContact } from "../../api/lookup";
import { addressesOf, focusContact, people } from "./people";

const contact = (id: string, company?: string): MatchedContact => ({
  id,
  name: id,
  ownerId: null,
  primaryEmail: null,
  emails: [],
  companies: company === undefined ? [] : [{ id: `${company}-id`, name: company, domain: null }],
});

describe("people", () => {
  it("lists the sender first, each address once, and leaves the signed-in rep out", () => {
    const shown = people("Megan@Fabrikam.com", { to: ["alex@contoso.com", "lee@northwind.example.com"], cc: ["megan@fabrikam.com"] }, "Alex@Contoso.com", []);
    expect(shown.map((person) => [person.role, person.address])).toEqual([
      ["from", "Megan@Fabrikam.com"],
      ["to", "lee@northwind.example.com"],
    ]);
    expect(addressesOf("megan@fabrikam.com", { to: ["alex@contoso.com"], cc: [] }, "alex@contoso.com")).toEqual(["megan@fabrikam.com"]);
  });

  it("shows every contact of a shared address and asks for a pick until there is one", () => {
    const shared: AddressMatches = { email: "purchasing@northwind.example.com", contacts: [contact("lee", "Northwind"), contact("isaiah")] };
    const before = people("purchasing@northwind.example.com", { to: [], cc: [] }, undefined, [shared]);
    const after = people("purchasing@northwind.example.com", { to: [], cc: [] }, undefined, [{ ...shared, chosenContactId: "isaiah" }]);

    expect(before[0]?.needsPick).toBe(true);
    expect(before[0]?.contacts.map((c) => [c.name, c.companies, c.chosen])).toEqual([
      ["lee", "Northwind", false],
      ["isaiah", "", false],
    ]);
    expect(after[0]?.needsPick).toBe(false);
    expect(after[0]?.contacts.find((c) => c.chosen)?.id).toBe("isaiah");
  });

  it("an address with one contact or none needs no pick", () => {
    const shown = people(undefined, { to: ["megan@fabrikam.com", "new@unknown.example"], cc: [] }, undefined, [
      { email: "megan@fabrikam.com", contacts: [contact("megan")] },
      { email: "new@unknown.example", contacts: [] },
    ]);
    expect(shown.map((person) => [person.contacts.length, person.needsPick])).toEqual([
      [1, false],
      [0, false],
    ]);
  });
});

describe("focusContact", () => {
  const match = (email: string, contacts: MatchedContact[], chosenContactId?: string): AddressMatches => ({ email, contacts, chosenContactId: chosenContactId ?? null });

  it("is the sender's contact when the sender is known", () => {
    const shown = people("megan@fabrikam.com", { to: ["lee@northwind.com"], cc: [] }, undefined, [match("megan@fabrikam.com", [contact("megan")]), match("lee@northwind.com", [contact("lee")])]);
    expect(focusContact(shown)).toEqual({ id: "megan", name: "megan" });
  });

  it("skips an address shared by two contacts until the rep picks one", () => {
    const meganMatch = match("megan@fabrikam.com", [contact("megan")]);
    const results = [match("purchasing@northwind.com", [contact("lee"), contact("isaiah")]), meganMatch];
    const recipients = { to: ["megan@fabrikam.com"], cc: [] };
    expect(focusContact(people("purchasing@northwind.com", recipients, undefined, results))?.id).toBe("megan");
    const picked = [match("purchasing@northwind.com", [contact("lee"), contact("isaiah")], "isaiah"), meganMatch];
    expect(focusContact(people("purchasing@northwind.com", recipients, undefined, picked))?.id).toBe("isaiah");
  });

  it("is nobody when no one is known", () => {
    expect(focusContact(people("x@y.com", { to: [], cc: [] }, undefined, []))).toBeUndefined();
  });
});
