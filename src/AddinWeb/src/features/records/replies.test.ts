import { describe, expect, it } from "vitest";
import type { ReplyContext } from "../../api/emails";
import { forwardedBody, purgedBodyNote, replyMessage } from "./replies";

const context = (extra: Partial<ReplyContext> = {}): ReplyContext => ({
  emailId: "e1",
  messageId: null,
  regularMessageId: null,
  internetMessageId: "<p@fabrikam.com>",
  subject: "RE: Pricing",
  from: { address: "megan@fabrikam.com", name: "Megan Bowen" },
  to: [
    { address: "alex@contoso.com", name: "Alex" },
    { address: "lee@northwind.com", name: null },
  ],
  cc: [{ address: "kim@contoso.com", name: "Kim" }],
  sentByTeammate: null,
  associations: [],
  mailbox: null,
  sentFromTeamMailbox: false,
  ...extra,
});

describe("replyMessage", () => {
  it("replies to the sender only, with one RE: prefix", () => {
    expect(replyMessage("reply", context(), "alex@contoso.com")).toEqual({ to: ["megan@fabrikam.com"], subject: "RE: Pricing" });
  });

  it("replies to all but the rep, Cc kept", () => {
    expect(replyMessage("replyAll", context(), "Alex@Contoso.com")).toEqual({
      to: ["megan@fabrikam.com", "lee@northwind.com"],
      cc: ["kim@contoso.com"],
      subject: "RE: Pricing",
    });
  });

  it("a reply to the rep's own email goes to its recipients", () => {
    const own = context({ from: { address: "alex@contoso.com", name: "Alex" }, to: [{ address: "megan@fabrikam.com", name: "Megan" }], cc: [] });
    expect(replyMessage("reply", own, "alex@contoso.com").to).toEqual(["megan@fabrikam.com"]);
  });

  it("a reply to what a team or help-desk address sent goes to its recipients, not back to the team", () => {
    const team = context({ from: { address: "support@contoso.com", name: "Support" }, to: [{ address: "megan@fabrikam.com", name: "Megan" }], cc: [], sentFromTeamMailbox: true });
    expect(replyMessage("reply", team, "alex@contoso.com").to).toEqual(["megan@fabrikam.com"]);
  });

  it("forwards to nobody yet, with the original below an escaped header", () => {
    const message = replyMessage("forward", context({ subject: "Fwd: <Pricing>" }), "alex@contoso.com", "<p>Original</p>", "2026-11-27T10:00:00Z");
    expect(message.to).toEqual([]);
    expect(message.subject).toBe("FW: <Pricing>");
    expect(message.htmlBody).toContain("Subject: Fwd: &#60;Pricing&#62;");
    expect(message.htmlBody).toContain("From: Megan Bowen &#60;megan@fabrikam.com&#62;");
    expect(message.htmlBody?.endsWith("<p>Original</p>")).toBe(true);
  });
});

describe("forwardedBody", () => {
  it("quotes the original's sanitised body while it is kept", () => {
    expect(forwardedBody({ bodyHtml: "<p>Original</p>", bodyPurgedAt: null })).toBe("<p>Original</p>");
  });

  it("says the body was removed once the retention purged it", () => {
    const body = forwardedBody({ bodyHtml: "", bodyPurgedAt: "2026-11-27T10:00:00Z" });
    expect(body).toContain(purgedBodyNote);
    expect(body.startsWith("<p><em>")).toBe(true);
  });
});
