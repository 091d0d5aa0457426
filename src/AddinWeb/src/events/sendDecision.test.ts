import { describe, expect, it } from "vitest";
import { decideSend, fingerprint, MaxMessageLength, messageFor, precheckFor } from "./sendDecision";

const blocker = (name: string, reason = "noLegalBasis") => ({ address: `${name.toLowerCase()}@fabrikam.com`, contactId: `${name}-id`, contactName: name, reason, fixes: [] });

describe("decideSend", () => {
  it("allows what the CRM allows", () => {
    expect(decideSend({ allowed: true, blockers: [] })).toEqual({ allowEvent: true });
  });

  it("blocks with the contacts named and a button to the pane", () => {
    const decision = decideSend({ allowed: false, blockers: [blocker("Lee"), blocker("Isaiah", "globallyOptedOut")] });
    expect(decision.allowEvent).toBe(false);
    expect(decision.errorMessage).toBe("OutlookCrm: no legal basis to email Lee (no legal basis), Isaiah (opted out of email). Give a basis in OutlookCrm, or remove them.");
    expect(decision.cancelLabel?.length).toBeLessThanOrEqual(20);
    expect(decision.commandId).toBe("OutlookCrm.ComposePane");
  });

  it("allows and marks for review when the CRM cannot answer", () => {
    expect(decideSend("unavailable")).toEqual({ allowEvent: true, review: "sendCheckUnavailable" });
  });

  it("says in the review what the check said when these recipients were last checked", () => {
    expect(decideSend("unavailable", { fingerprint: "x", allowed: false }).review).toBe("sendCheckUnavailable; blocked when the recipients were last checked");
  });
});

describe("messageFor", () => {
  it("stays within Outlook's 500 characters, counting the rest", () => {
    const names = Array.from({ length: 40 }, (_, i) => `Contact number ${i} with a rather long name (no legal basis)`);
    const message = messageFor(names);
    expect(message.length).toBeLessThanOrEqual(MaxMessageLength);
    expect(message).toMatch(/and \d+ more\. Give a basis in OutlookCrm, or remove them\.$/);
  });
});

describe("precheckFor", () => {
  const recipients = { to: ["B@x.com", "a@x.com"], cc: [], bcc: [] };

  it("applies to the same recipients in any order or case", () => {
    expect(fingerprint(recipients)).toBe(fingerprint({ to: ["a@x.com"], cc: ["b@X.com"], bcc: [] }));
    expect(precheckFor(JSON.stringify({ fingerprint: fingerprint(recipients), allowed: false }), recipients)).toEqual({ fingerprint: "a@x.com,b@x.com", allowed: false });
  });

  it("is ignored for other recipients, or when it cannot be read", () => {
    expect(precheckFor(JSON.stringify({ fingerprint: "a@x.com", allowed: true }), recipients)).toBeUndefined();
    expect(precheckFor("{not json", recipients)).toBeUndefined();
    expect(precheckFor(undefined, recipients)).toBeUndefined();
  });
});
