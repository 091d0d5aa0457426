/** What the Outlook host offers the pane as a whole: its theme, and whether it can sign add-ins in (NAA). */

import { hasOffice } from "./core";

/** Dark when Office's own theme has a dark body background (Office.context.officeTheme, where the host gives it). */
export function prefersDarkTheme(): boolean {
  const background = hasOffice() ? (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme?.bodyBackgroundColor : undefined;
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? "");
  if (match === null) {
    return false;
  }
  const [red, green, blue] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? "ff", 16));
  // Relative luminance, roughly: below the middle grey is a dark theme.
  return 0.2126 * (red ?? 255) + 0.7152 * (green ?? 255) + 0.0722 * (blue ?? 255) < 128;
}

/** Nested App Authentication (NestedAppAuth 1.1): Outlook brokers the pane's token. */
export function supportsNestedAppAuth(): boolean {
  return hasOffice() && Office.context.requirements.isSetSupported("NestedAppAuth", "1.1");
}
