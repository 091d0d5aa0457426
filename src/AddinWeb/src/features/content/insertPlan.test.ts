import { describe, expect, it } from "vitest";
import { insertPlan, missingLabel } from "./insertPlan";

const rendered = { subject: "Pricing for Fabrikam", html: "<p>Hi Megan</p>", missing: [] };

describe("insertPlan", () => {
  it("gives a template's subject to a message without one", () => {
    expect(insertPlan("template", rendered, "  ")).toEqual({ html: "<p>Hi Megan</p>", subject: "Pricing for Fabrikam" });
  });

  it("never overwrites the subject the rep wrote", () => {
    expect(insertPlan("template", rendered, "My own subject")).toEqual({ html: "<p>Hi Megan</p>" });
  });

  it("inserts only the HTML for anything but a template", () => {
    expect(insertPlan("snippet", { ...rendered, subject: null }, "")).toEqual({ html: "<p>Hi Megan</p>" });
    expect(insertPlan("quote", rendered, "")).toEqual({ html: "<p>Hi Megan</p>" });
  });
});

describe("missingLabel", () => {
  it("names the missing value in words", () => {
    expect(missingLabel("contact.firstName")).toBe("the contact's first name");
    expect(missingLabel("sender.meetingLink")).toBe("your meeting link");
  });
});
