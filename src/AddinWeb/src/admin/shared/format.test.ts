import { describe, expect, it } from "vitest";
import { ago, isoToLocalInput, localInputToIso } from "./format";

describe("times in the console", () => {
  const now = Date.parse("2026-12-03T12:00:00Z");

  it("says how long ago in the largest whole unit", () => {
    expect(ago("2026-12-03T11:59:30Z", now)).toBe("just now");
    expect(ago("2026-12-03T11:55:00Z", now)).toBe("5 min ago");
    expect(ago("2026-12-03T09:00:00Z", now)).toBe("3 h ago");
    expect(ago("2026-12-02T11:00:00Z", now)).toBe("1 day ago");
    expect(ago("2026-11-30T12:00:00Z", now)).toBe("3 days ago");
    expect(ago(null, now)).toBe("never");
  });

  it("reads a local date input back as the same instant", () => {
    const time = new Date("2026-12-01T08:30:00Z");
    expect(localInputToIso(isoToLocalInput(time))).toBe(time.toISOString());
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("not a date")).toBeNull();
  });
});
