/**
 * What the pane and the event handlers write on a compose item: the tracking stamp (custom property and internet
 * header), the review mark, and the session data the event handlers hand to each other.
 */

import { call, supports, item, itemMode } from "./core";

/** Custom property and internet header the tracking id is stamped under (DESIGN.md §2, "The tracking stamp"). */
export const TrackingProperty = "trackingId";
export const TrackingHeader = "x-outlookcrm-tracking";

/**
 * Stamps the item's tracking id twice: the add-in custom property (stays on the sender's item, readable by Graph) and
 * the internet header (travels with the message; Mailbox 1.8). An id already on the item — put there by the
 * new-message event or an earlier pane — is kept, so the pane, the send check and the server all name one email the
 * same way. Either stamp may be unavailable; the server looks for both.
 */
const settleMs = 300;

async function trackingIdOnItem(current: Office.MessageCompose): Promise<string | undefined> {
  const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
  const value: unknown = properties.get(TrackingProperty);
  return typeof value === "string" && value !== "" ? value : undefined;
}

export async function stampTrackingId(candidate: string): Promise<{ trackingId: string; customProperty: boolean; header: boolean }> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose") {
    return { trackingId: candidate, customProperty: false, header: false };
  }
  let trackingId = await trackingIdOnItem(current);
  if (trackingId === undefined) {
    const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
    properties.set(TrackingProperty, candidate);
    await call<unknown>((cb) => properties.saveAsync(cb));
    // A pinned pane and the new-message event may both have found none and written their own: the last save wins,
    // and both take what is on the item after a moment, so they converge on one id.
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    trackingId = (await trackingIdOnItem(current)) ?? candidate;
  }
  let header = false;
  if (supports("1.8")) {
    await call<unknown>((cb) => current.internetHeaders.setAsync({ [TrackingHeader]: trackingId }, cb));
    header = true;
  }
  return { trackingId, customProperty: true, header };
}

/**
 * The item's session data (Mailbox 1.11): what the event handlers of one compose item hand to each other (each event
 * may run in a fresh runtime). Undefined where the set is missing or the key was never written.
 */
export async function sessionGet(key: string): Promise<string | undefined> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose" || !supports("1.11")) {
    return undefined;
  }
  return call<string>((cb) => current.sessionData.getAsync(key, cb)).catch(() => undefined);
}

export async function sessionSet(key: string, value: string): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current !== undefined && itemMode() === "compose" && supports("1.11")) {
    await call<unknown>((cb) => current.sessionData.setAsync(key, value, cb));
  }
}

/** Custom property that tells the server an email went out without the send-time check: its legal basis needs review. */
export const ReviewProperty = "reviewReason";

/** Marks the item as sent without the send-time check (the API could not answer in time). */
export async function markForReview(reason: string): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose") {
    return;
  }
  const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
  properties.set(ReviewProperty, reason);
  await call<unknown>((cb) => properties.saveAsync(cb));
}
