import { describe, expect, it } from "vitest";
import { describeAudit } from "./auditText";

const line = { id: "1", occurredAt: "2026-12-03T10:00:00Z", actor: "alex@contoso.com", actorUserId: null, target: null, before: null, after: null, count: null };

describe("an audit line in words", () => {
  it("names each setting that changed, before and after, and no other", () => {
    const text = describeAudit({ ...line, action: "settings.changed", target: "privacy", before: { enabled: true, unknownRecipients: "warn" }, after: { enabled: false, unknownRecipients: "warn" } });
    expect(text).toBe("changed the settings (privacy): enabled true → false");
  });

  it("says how many rows an action touched, and an unknown action as it is", () => {
    expect(describeAudit({ ...line, action: "neverLog.added", target: "fabrikam.com", count: 3 })).toBe("added a never-log entry (fabrikam.com); 3 rows");
    expect(describeAudit({ ...line, action: "something.new" })).toBe("something.new");
  });
});
