import { afterEach, describe, expect, it, vi } from "vitest";
import { SignInError } from "../auth/signInError";
import { ApiClient, ApiError, failure } from "./client";

const answer = (status: number, body: unknown) => () => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe("ApiClient", () => {
  afterEach(() => vi.unstubAllGlobals());
  const api = new ApiClient(() => Promise.resolve("token"));

  it("turns a problem into an error that says what the server said about the field", async () => {
    vi.stubGlobal("fetch", vi.fn(answer(404, { title: "Not found", status: 404, errors: { mailbox: ["Your inbox is not connected to OutlookCrm."] } })));
    const error = await api.send("POST", "/api/emails/log", {}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("Your inbox is not connected to OutlookCrm.");
    expect((error as ApiError).errors).toHaveProperty("mailbox");
  });

  it("says the API cannot be reached when fetch itself fails", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    const error = await api.send("GET", "/api/me").catch((reason: unknown) => reason);
    expect(failure(error)).toEqual({ message: "The OutlookCrm API cannot be reached", unreachable: true });
  });
});

describe("failure", () => {
  it("names sign-in problems as such", () => {
    expect(failure(new SignInError("consent missing")).message).toBe("You are not signed in to OutlookCrm: consent missing");
    expect(failure(new ApiError(401, "Unauthorized", {})).message).toMatch(/not signed in/);
    expect(failure(new ApiError(403, "Forbidden", {})).message).toMatch(/ask your admin/);
  });
});
