import { describe, expect, it } from "vitest";
import { pageOf, pathOf } from "./routes";

describe("the console's pages", () => {
  it("reads each page from its path, with or without a trailing slash", () => {
    expect(pageOf("/admin/")).toBe("overview");
    expect(pageOf("/admin")).toBe("overview");
    expect(pageOf("/admin/mailboxes")).toBe("mailboxes");
    expect(pageOf("/admin/people/")).toBe("people");
  });

  it("shows the overview for a path it does not know", () => {
    expect(pageOf("/admin/nothing-here")).toBe("overview");
  });

  it("gives each page a path that reads back as the page", () => {
    for (const key of ["overview", "mailboxes", "privacy", "logging", "people"] as const) {
      expect(pageOf(pathOf(key))).toBe(key);
    }
  });
});
