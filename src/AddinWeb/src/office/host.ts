/** What the Outlook host offers the pane as a whole: its theme, whether it can sign add-ins in (NAA), whether it is a phone. */

import { hasOffice, isMobile } from "./core";

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

/** Outlook on iOS or Android: no compose pane and no send handler there (Smart Alerts are not applicable). */
export const runsOnPhone = (): boolean => hasOffice() && isMobile();
