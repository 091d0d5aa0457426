import { describe, expect, it } from "vitest";
import { byDay, lagInWords, sum } from "./series";

describe("the overview's series", () => {
  it("sums hours into days, the last one partial", () => {
    const hours = Array.from({ length: 50 }, (_, hour) => (hour < 24 ? 1 : 2));
    expect(byDay(hours)).toEqual([24, 48, 4]);
    expect(sum(byDay(hours))).toBe(sum(hours));
  });

  it("says a lag in the unit that reads best", () => {
    expect(lagInWords(null)).toBe("no mail yet");
    expect(lagInWords(0.5)).toBe("under 1 s");
    expect(lagInWords(45)).toBe("45 s");
    expect(lagInWords(300)).toBe("5 min");
  });
});
