import { afterEach, describe, expect, it, vi } from "vitest";
import { prefersDarkTheme } from "./host";

const officeWithBackground = (bodyBackgroundColor?: string) => ({
  context: { officeTheme: bodyBackgroundColor === undefined ? undefined : { bodyBackgroundColor } },
});

describe("prefersDarkTheme", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("follows a dark Office body background", () => {
    vi.stubGlobal("Office", officeWithBackground("#292929"));
    expect(prefersDarkTheme()).toBe(true);
  });

  it("stays light for a light background, no theme, or no Office at all", () => {
    vi.stubGlobal("Office", officeWithBackground("#FFFFFF"));
    expect(prefersDarkTheme()).toBe(false);
    vi.stubGlobal("Office", officeWithBackground(undefined));
    expect(prefersDarkTheme()).toBe(false);
    vi.unstubAllGlobals();
    expect(prefersDarkTheme()).toBe(false);
  });
});
