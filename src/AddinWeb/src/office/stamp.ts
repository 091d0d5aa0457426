/**
 * What the pane and the event handlers write on a compose item: the tracking stamp (custom property and internet
 * header), the review mark, and the session data the event handlers hand to each other.
 */

import { call, item, itemMode, offers, supports, type Maybe } from "./core";

/** Custom property and internet header the tracking id is stamped under (DESIGN.md §2, "The tracking stamp"). */
export const TrackingProperty = "trackingId";
export const TrackingHeader = "x-outlookcrm-tracking";

/**
 * Stamps the item's tracking id twice: the add-in custom property (stays on the sender's item, readable by Graph) and
 * the internet header (travels with the message; Mailbox 1.8). An id already on the item — put there by the
 * new-message event or an earlier pane — is kept, so the pane, the send check and the server all name one email the
 * same way; unless it was inherited (see `inherited`). Either stamp may be unavailable; the server looks for both.
 */
const settleMs = 300;

/** Session-data key naming the tracking id the add-in wrote on this compose item (session data is not inherited). */
export const OwnStampKey = "outlookcrm.trackingId";

async function trackingIdOnItem(current: Office.MessageCompose): Promise<string | undefined> {
  const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
  const value: unknown = properties.get(TrackingProperty);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** What Outlook says the item is (Mailbox 1.10), or undefined where it cannot say. */
export async function composeType(): Promise<"newMail" | "reply" | "forward" | undefined> {
  const current = item() as Maybe<Office.MessageCompose> | undefined;
  const getComposeType = current?.getComposeTypeAsync;
  if (current === undefined || itemMode() !== "compose" || !offers("1.10", typeof getComposeType === "function")) {
    return undefined;
  }
  const answer = await call<{ composeType: string }>((cb) => (current as Office.MessageCompose).getComposeTypeAsync(cb)).catch(() => undefined);
  const type = answer?.composeType;
  return type === "newMail" || type === "reply" || type === "forward" ? type : undefined;
}

/**
 * Whether the id on the item came from the message it forwards: classic Outlook on Windows starts a forward with the
 * parent's custom properties ("Forward: Loads parent's properties", learn.microsoft.com/office/dev/add-ins/outlook/
 * metadata-for-an-outlook-add-in), so the parent's tracking id would name the forward too. A reply or forward whose id
 * this compose session did not write (the session data says which id it wrote) gets a fresh one; replies are included
 * though the docs say they start empty, as the cost of a needless fresh id is nil. Without Mailbox 1.10 a forward cannot
 * be told from a reopened draft: the id is kept (re-stamping a draft would orphan the intent the rep already chose),
 * and the server recognises a stamp already used by another email (InheritedStamps).
 */
async function inherited(existing: string): Promise<boolean> {
  const type = await composeType();
  if (type === undefined || type === "newMail") {
    return false;
  }
  return (await sessionGet(OwnStampKey)) !== existing;
}

export async function stampTrackingId(candidate: string): Promise<{ trackingId: string; customProperty: boolean; header: boolean }> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose") {
    return { trackingId: candidate, customProperty: false, header: false };
  }
  let trackingId: string;
  let propertyFailure: Error | undefined;
  try {
    trackingId = await stampCustomProperty(current, candidate);
  } catch (error) {
    // Custom properties can fail (an item Outlook cannot save; reported on Android, office-js #1129): the header alone
    // still names the email, under the id this compose session already used, so every handler keeps to one id.
    propertyFailure = error instanceof Error ? error : new Error("The item's custom properties could not be saved.");
    trackingId = (await sessionGet(OwnStampKey)) ?? candidate;
    await sessionSet(OwnStampKey, trackingId).catch(() => undefined);
  }
  const header = await stampHeader(current, trackingId);
  if (propertyFailure !== undefined && !header) {
    // Neither stamp: the picks cannot reach the sent email, and the pane says so.
    throw propertyFailure;
  }
  return { trackingId, customProperty: propertyFailure === undefined, header };
}

async function stampCustomProperty(current: Office.MessageCompose, candidate: string): Promise<string> {
  let trackingId = await trackingIdOnItem(current);
  if (trackingId !== undefined && (await inherited(trackingId))) {
    trackingId = undefined;
  }
  if (trackingId !== undefined) {
    return trackingId;
  }
  const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
  properties.set(TrackingProperty, candidate);
  // A parent's review mark is not this email's either.
  properties.remove(ReviewProperty);
  await call<unknown>((cb) => properties.saveAsync(cb));
  await sessionSet(OwnStampKey, candidate).catch(() => undefined);
  // A pinned pane and the new-message event may both have found none and written their own: the last save wins,
  // and both take what is on the item after a moment, so they converge on one id.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  trackingId = (await trackingIdOnItem(current)) ?? candidate;
  if (trackingId !== candidate) {
    await sessionSet(OwnStampKey, trackingId).catch(() => undefined);
  }
  return trackingId;
}

async function stampHeader(current: Office.MessageCompose, trackingId: string): Promise<boolean> {
  let header = false;
  // Outlook on iOS and Android sets internet headers (from version 4.2405) while denying Mailbox 1.8: tried there.
  if (offers("1.8", typeof (current as Maybe<Office.MessageCompose>).internetHeaders?.setAsync === "function")) {
    header = await call<unknown>((cb) => current.internetHeaders.setAsync({ [TrackingHeader]: trackingId }, cb)).then(
      () => true,
      (error: unknown) => {
        if (supports("1.8")) {
          throw error;
        }
        return false;
      },
    );
  }
  return header;
}

/**
 * The item's session data (Mailbox 1.11): what the event handlers of one compose item hand to each other (each event
 * may run in a fresh runtime). Undefined where the set is missing or the key was never written.
 */
export async function sessionGet(key: string): Promise<string | undefined> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose" || !offers("1.11", typeof (current as Maybe<Office.MessageCompose>).sessionData?.getAsync === "function")) {
    return undefined;
  }
  return call<string>((cb) => current.sessionData.getAsync(key, cb)).catch(() => undefined);
}

export async function sessionSet(key: string, value: string): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current !== undefined && itemMode() === "compose" && offers("1.11", typeof (current as Maybe<Office.MessageCompose>).sessionData?.setAsync === "function")) {
    await call<unknown>((cb) => current.sessionData.setAsync(key, value, cb));
  }
}

/** Custom property that tells the server an email went out without the send-time check: its legal basis needs review. */
export const ReviewProperty = "reviewReason";

/** Takes the review mark off again (a phone's recipients, once they all have a basis). */
export async function clearReview(): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose") {
    return;
  }
  const properties = await call<Office.CustomProperties>((cb) => current.loadCustomPropertiesAsync(cb));
  if (properties.get(ReviewProperty) === undefined) {
    return;
  }
  properties.remove(ReviewProperty);
  await call<unknown>((cb) => properties.saveAsync(cb));
}

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
