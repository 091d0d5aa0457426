import { describe, expect, it } from "vitest";
import { auditQuery } from "./legalBasisAudit";

describe("the legal-basis audit's query", () => {
  it("sends only the filters given, and the cursor", () => {
    expect(auditQuery({})).toBe("");
    expect(auditQuery({ event: "basisUsed", contact: "", from: "2026-11-01" })).toBe("?event=basisUsed&from=2026-11-01");
    expect(auditQuery({ user: "u 1" }, "abc")).toBe("?user=u+1&cursor=abc");
  });
});
