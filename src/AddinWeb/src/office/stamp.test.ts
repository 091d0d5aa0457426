import { afterEach, describe, expect, it, vi } from "vitest";
import { OwnStampKey, stampTrackingId } from "./stamp";

/** A compose item as Office.js shows it, on a host that implements Mailbox up to `version`. */
function office(options: {
  version: string;
  platform?: string;
  composeType?: string;
  properties?: Record<string, string>;
  session?: Record<string, string>;
  /** Saving custom properties fails, as Outlook can. */
  failSave?: boolean;
}) {
  const properties = { ...(options.properties ?? {}) };
  const session = { ...(options.session ?? {}) };
  const headers: Record<string, string> = {};
  const ok = <T>(value: T) => ({ status: "succeeded", value });
  const atMost = (wanted: string) => Number(wanted.split(".")[1]) <= Number(options.version.split(".")[1]);
  const item = {
    to: { getAsync: () => undefined },
    loadCustomPropertiesAsync: (cb: (result: unknown) => void) => {
      const values = { ...properties };
      cb(
        ok({
          get: (name: string) => values[name],
          set: (name: string, value: string) => (values[name] = value),
          remove: (name: string) => Reflect.deleteProperty(values, name),
          saveAsync: (done: (result: unknown) => void) => {
            if (options.failSave === true) {
              done({ status: "failed", error: { message: "The item could not be saved." } });
              return;
            }
            Object.keys(properties).forEach((name) => Reflect.deleteProperty(properties, name));
            Object.assign(properties, values);
            done(ok(undefined));
          },
        }),
      );
    },
    getComposeTypeAsync: (cb: (result: unknown) => void) => cb(ok({ composeType: options.composeType ?? "newMail", coercionType: "html" })),
    sessionData: {
      getAsync: (key: string, cb: (result: unknown) => void) =>
        cb(key in session ? ok(session[key]) : { status: "failed", error: { message: "The key was not found." } }),
      setAsync: (key: string, value: string, cb: (result: unknown) => void) => {
        session[key] = value;
        cb(ok(undefined));
      },
    },
    internetHeaders: {
      setAsync: (values: Record<string, string>, cb: (result: unknown) => void) => {
        Object.assign(headers, values);
        cb(ok(undefined));
      },
    },
  };
  vi.stubGlobal("Office", {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      diagnostics: { platform: options.platform ?? "PC" },
      requirements: { isSetSupported: (name: string, version: string) => name === "Mailbox" && atMost(version) },
      mailbox: { item },
    },
  });
  return { properties, headers, session };
}

describe("stampTrackingId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives a classic Outlook forward a fresh id instead of the parent's it starts with, and drops the parent's review mark", async () => {
    const item = office({ version: "1.13", composeType: "forward", properties: { trackingId: "t-parent", reviewReason: "sendCheckUnavailable" } });

    const stamp = await stampTrackingId("t-fresh");

    expect(stamp.trackingId).toBe("t-fresh");
    expect(item.properties).toEqual({ trackingId: "t-fresh" });
    expect(item.headers["x-outlookcrm-tracking"]).toBe("t-fresh");
    expect(item.session[OwnStampKey]).toBe("t-fresh");
  });

  it("keeps the id this compose session wrote (the event stamped, then the pane opened on the forward)", async () => {
    const item = office({ version: "1.13", composeType: "forward", properties: { trackingId: "t-mine" }, session: { [OwnStampKey]: "t-mine" } });

    expect((await stampTrackingId("t-other")).trackingId).toBe("t-mine");
    expect(item.properties.trackingId).toBe("t-mine");
  });

  it("keeps the id on a new message or a reopened draft, and where Mailbox 1.10 cannot tell a forward (the server then can)", async () => {
    office({ version: "1.13", composeType: "newMail", properties: { trackingId: "t-draft" } });
    expect((await stampTrackingId("t-other")).trackingId).toBe("t-draft");
    vi.unstubAllGlobals();
    office({ version: "1.9", composeType: "forward", properties: { trackingId: "t-parent" } });
    expect((await stampTrackingId("t-other")).trackingId).toBe("t-parent");
  });

  it("writes the header on Outlook for iOS and Android, which say no to Mailbox 1.8 but set headers", async () => {
    const item = office({ version: "1.5", platform: "iOS" });

    const stamp = await stampTrackingId("t-mobile");

    expect(stamp.header).toBe(true);
    expect(item.headers["x-outlookcrm-tracking"]).toBe("t-mobile");
  });

  it("stamps the header alone when custom properties cannot be saved, under the id this session already used", async () => {
    const item = office({ version: "1.5", platform: "Android", failSave: true, session: { [OwnStampKey]: "t-earlier" } });

    const stamp = await stampTrackingId("t-other");

    expect(stamp).toEqual({ trackingId: "t-earlier", customProperty: false, header: true });
    expect(item.headers["x-outlookcrm-tracking"]).toBe("t-earlier");
  });

  it("fails with Outlook's reason when neither stamp can be written", async () => {
    office({ version: "1.7", failSave: true });

    await expect(stampTrackingId("t-fresh")).rejects.toThrow("The item could not be saved.");
  });
});
