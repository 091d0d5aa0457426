import { describe, expect, it } from "vitest";
import type { Card } from "../../api/records";
import { logChoices } from "./logChoices";

const card = (id: string, extra: Partial<Card> = {}): Card => ({
  id,
  type: "contact",
  name: id,
  title: null,
  email: null,
  owner: null,
  contacts: [],
  companies: [],
  deals: [],
  openTickets: [],
  lastActivity: null,
  ...extra,
});

describe("logChoices", () => {
  const megan = card("megan", {
    companies: [{ id: "fabrikam", type: "company", name: "Fabrikam" }],
    deals: [
      { id: "open-deal", name: "200 seats", stage: "contractSent", open: true },
      { id: "won-deal", name: "Old", stage: "closedWon", open: false },
    ],
    openTickets: [{ id: "ticket", name: "Invoice", status: "new" }],
  });
  const cards = new Map([["megan", megan]]);

  it("ticks the contacts and their companies, offers open deals and tickets unticked, leaves closed deals out", () => {
    const choices = logChoices([{ id: "megan", name: "Megan" }], cards, [], []);
    expect(choices.map((choice) => [choice.id, choice.ticked])).toEqual([
      ["megan", true],
      ["fabrikam", true],
      ["open-deal", false],
      ["ticket", false],
    ]);
  });

  it("adds what the rep found, ticked, once", () => {
    const found = [{ id: "project", type: "project", name: "Rollout" }, { id: "fabrikam", type: "company", name: "Fabrikam" }];
    const choices = logChoices([{ id: "megan", name: "Megan" }], cards, found, []);
    expect(choices.filter((choice) => choice.reason === "found by you").map((choice) => choice.id)).toEqual(["project"]);
  });

  it("leaves out the records the email is already logged to", () => {
    const choices = logChoices([{ id: "megan", name: "Megan" }], cards, [], [{ id: "megan", type: "contact", name: "Megan" }]);
    expect(choices.map((choice) => choice.id)).not.toContain("megan");
  });
});
