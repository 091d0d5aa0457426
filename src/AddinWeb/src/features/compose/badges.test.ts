import { describe, expect, it } from "vitest";
import type { RecipientResult } from "../../api/compose";
import { badges, fixLabel } from "./badges";

const recipient = (overrides: Partial<RecipientResult>): RecipientResult => ({
  field: "to",
  address: "megan@fabrikam.com",
  status: "ok",
  reason: "subscription",
  fixes: [],
  contacts: [],
  ...overrides,
});

describe("badges", () => {
  it("marks a recipient without a legal basis as blocking, with both fixes", () => {
    const [badge] = badges(
      [recipient({ status: "needsBasis", fixes: ["addOneToOneSubscription", "oneTimeBasis"], contacts: [{ id: "c1", name: "Megan", status: "needsBasis", reason: "noLegalBasis", fixes: ["addOneToOneSubscription", "oneTimeBasis"], oneTimeBasisId: null }] })],
      "warn",
    );
    expect(badge?.label).toBe("Needs basis");
    expect(badge?.tone).toBe("warning");
    expect(badge?.blocksSend).toBe(true);
    expect(badge?.fixes.map(fixLabel)).toEqual(["Add One to One subscription", "Give a one-time legal basis"]);
  });

  it("offers an opted-out contact only the transactional one-time basis", () => {
    const [badge] = badges([recipient({ status: "optedOut", fixes: ["transactionalOneTimeBasis"] })], "warn");
    expect(badge?.label).toBe("Opted out");
    expect(badge?.fixes).toEqual(["transactionalOneTimeBasis"]);
    expect(badge?.blocksSend).toBe(true);
  });

  it("shows every contact of an ambiguous address and which one the rep picked", () => {
    const [badge] = badges(
      [
        recipient({
          chosenContactId: "c2",
          contacts: [
            { id: "c1", name: "Lee Gu", status: "ok", reason: "subscription", fixes: [], oneTimeBasisId: null },
            { id: "c2", name: "Isaiah Langer", status: "ok", reason: "subscription", fixes: [], oneTimeBasisId: null },
          ],
        }),
      ],
      "warn",
    );
    expect(badge?.label).toBe("OK · 2 contacts");
    expect(badge?.contacts.map((contact) => [contact.name, contact.chosen])).toEqual([
      ["Lee Gu", false],
      ["Isaiah Langer", true],
    ]);
  });

  it("blocks an address with no record only when the account says so", () => {
    expect(badges([recipient({ status: "noRecord" })], "warn")[0]?.blocksSend).toBe(false);
    expect(badges([recipient({ status: "noRecord" })], "block")[0]?.blocksSend).toBe(true);
  });

  it("never blocks internal or ticket-exempt recipients", () => {
    const result = badges([recipient({ status: "internal" }), recipient({ status: "exempt" })], "block");
    expect(result.map((badge) => [badge.label, badge.blocksSend])).toEqual([
      ["Internal", false],
      ["Exempt (ticket)", false],
    ]);
  });
});
