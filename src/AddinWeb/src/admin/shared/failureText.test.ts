import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { adminFailure } from "./failureText";

describe("what the console says when a call fails", () => {
  it("says a refusal needs an admin, in the API's words when it gave some", () => {
    expect(adminFailure(new ApiError(403, "Forbidden", {})).message).toContain("Crm.Admin");
    expect(adminFailure(new ApiError(403, "Forbidden", {}, "Only a CRM admin can add an account-wide entry.")).message).toBe("Only a CRM admin can add an account-wide entry.");
  });

  it("says anything else as the pane does", () => {
    expect(adminFailure(new ApiError(400, "Bad", { since: ["Give the start."] })).message).toBe("Give the start.");
    expect(adminFailure(new ApiError(0, "Unreachable", {})).unreachable).toBe(true);
  });
});
