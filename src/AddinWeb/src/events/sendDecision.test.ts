import { describe, expect, it } from "vitest";
import { decideSend, MaxMessageLength, messageFor } from "./sendDecision";

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
});

describe("messageFor", () => {
  it("stays within Outlook's 500 characters, counting the rest", () => {
    const names = Array.from({ length: 40 }, (_, i) => `Contact number ${i} with a rather long name (no legal basis)`);
    const message = messageFor(names);
    expect(message.length).toBeLessThanOrEqual(MaxMessageLength);
    expect(message).toMatch(/and \d+ more\. Give a basis in OutlookCrm, or remove them\.$/);
  });
});
