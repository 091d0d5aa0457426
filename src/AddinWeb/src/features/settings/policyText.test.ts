import { describe, expect, it } from "vitest";
import { accountChoice, fromChoice, incomingText, outgoingText, toChoice } from "./policyText";

describe("a policy choice", () => {
  it("is the organisation's setting when the user has none, and goes back to null", () => {
    expect(toChoice(null)).toBe(accountChoice);
    expect(fromChoice(accountChoice, outgoingText)).toBeNull();
  });

  it("keeps a policy the server knows and drops anything else", () => {
    expect(fromChoice(toChoice("knownContacts"), incomingText)).toBe("knownContacts");
    expect(fromChoice("everything", outgoingText)).toBeNull();
    expect(fromChoice("toString", outgoingText)).toBeNull();
  });
});
