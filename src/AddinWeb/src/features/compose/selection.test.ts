import { describe, expect, it } from "vitest";
import type { SuggestedAssociation } from "../../api/compose";
import { defaultSelection, mergeSelection, stillTicked, toggled } from "./selection";

const s = (id: string, type: string, reason: string): SuggestedAssociation => ({ id, type, name: id, reason });

describe("selection", () => {
  it("starts with contacts, companies and the record the email was started from, not deals or tickets", () => {
    const chosen = defaultSelection([s("c", "contact", "recipient"), s("co", "company", "company of c"), s("d", "deal", "open deal of c"), s("p", "project", "started from this record")]);
    expect([...chosen].sort()).toEqual(["c", "co", "p"]);
  });

  it("keeps the rep's choices when suggestions change and adds the new defaults", () => {
    const known = new Set(["c", "d"]);
    const next = mergeSelection(new Set(["d"]), known, [s("c", "contact", "recipient"), s("d", "deal", "open deal of c"), s("c2", "contact", "recipient")]);
    expect([...next].sort()).toEqual(["c2", "d"]);
  });

  it("gives back the very same set when nothing new is suggested, so the intent is not saved again", () => {
    const current = new Set(["c"]);
    expect(mergeSelection(current, new Set(["c", "d"]), [s("c", "contact", "recipient"), s("d", "deal", "open deal of c")])).toBe(current);
  });

  it("keeps a closed ticket's confirmation only while the ticket is ticked", () => {
    expect(stillTicked(new Set(["t1", "t2"]), new Set(["c", "t2"]))).toEqual(["t2"]);
    expect(stillTicked(new Set(), new Set(["t1"]))).toEqual([]);
  });

  it("ticks and unticks one record without touching the others", () => {
    expect([...toggled(new Set(["a"]), "b", true)].sort()).toEqual(["a", "b"]);
    expect([...toggled(new Set(["a", "b"]), "a", false)]).toEqual(["b"]);
  });
});
