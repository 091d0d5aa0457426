import { describe, expect, it } from "vitest";
import { stageLabel, typeLabel, whenLabel } from "./format";

describe("stageLabel", () => {
  it("names the pipeline stages and ticket statuses in words", () => {
    expect(stageLabel("contractSent")).toBe("Contract sent");
    expect(stageLabel("waitingOnUs")).toBe("Waiting on us");
  });

  it("shows a custom stage as it is, and nothing for none", () => {
    expect(stageLabel("pilotRunning")).toBe("pilotRunning");
    expect(stageLabel(null)).toBe("");
  });
});

describe("whenLabel", () => {
  const now = new Date(2026, 10, 27, 15, 0);

  it("says today with the time, then yesterday, then days ago", () => {
    expect(whenLabel(new Date(2026, 10, 27, 9, 30).toISOString(), now)).toMatch(/^today /);
    expect(whenLabel(new Date(2026, 10, 26, 23, 59).toISOString(), now)).toBe("yesterday");
    expect(whenLabel(new Date(2026, 10, 24, 8, 0).toISOString(), now)).toBe("3 days ago");
  });

  it("gives the date from a week ago on", () => {
    expect(whenLabel(new Date(2026, 9, 1, 8, 0).toISOString(), now)).toContain("2026");
  });
});

describe("typeLabel", () => {
  it("capitalises the type name", () => {
    expect(typeLabel("deal")).toBe("Deal");
    expect(typeLabel("project")).toBe("Project");
  });
});
