import { describe as suite, expect, it } from "vitest";
import { describe } from "./paneState";

suite("describe", () => {
  it("names the database the API runs on once connected", () => {
    expect(describe({ kind: "connected", health: { status: "healthy", database: "sqlServer" } })).toBe(
      "Connected to OutlookCrm (SQL Server).",
    );
  });

  it("gives the reason when the API cannot be reached", () => {
    expect(describe({ kind: "unreachable", reason: "The OutlookCrm API answered 503" })).toContain("503");
  });
});
