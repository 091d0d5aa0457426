/**
 * The one Office.js boundary of the pane. Every call to Office lives here, promisified and feature-detected with
 * `isSetSupported` (base requirement Mailbox 1.1; most of what the pane does needs 1.8). The rest of the code is
 * plain React over typed API calls and never touches `Office`. In Outlook, office.js comes from Microsoft's CDN; the
 * harness and the browser tests load a fake in its place.
 */

export type ItemMode = "read" | "compose" | "none";

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** Custom property and internet header the tracking id is stamped under (DESIGN.md §2, "The tracking stamp"). */
export const TrackingProperty = "trackingId";
export const TrackingHeader = "x-outlookcrm-tracking";

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/**
 * Office.js's types promise more than hosts give: outside a mail item there is no mailbox, a failed call may carry no
 * error, a read item from a draft may have no sender. These views say so, so the checks below are not dead code.
 */
type Maybe<T> = { [K in keyof T]?: T[K] | undefined };
const mailbox = (): Office.Mailbox | undefined => (Office.context as Maybe<typeof Office.context>).mailbox;

/** Turns Office's callback style into a promise that rejects with Office's error message. */
function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
      } else {
        reject(new Error((result as Maybe<Office.AsyncResult<T>>).error?.message ?? "Office call failed"));
      }
    });
  });
}

/** True outside Outlook (a plain browser opening /addin/): the pane then only checks the API. */
export function hasOffice(): boolean {
  return typeof Office !== "undefined";
}

export async function officeReady(): Promise<void> {
  if (hasOffice()) {
    await Office.onReady();
  }
}

export function supports(version: string): boolean {
  return hasOffice() && Office.context.requirements.isSetSupported("Mailbox", version);
}

function item(): Office.Item | undefined {
  return hasOffice() ? (mailbox()?.item ?? undefined) : undefined;
}

/** The signed-in user's address (Mailbox 1.1), or undefined outside Outlook. */
export function userEmail(): string | undefined {
  return hasOffice() ? mailbox()?.userProfile.emailAddress : undefined;
}

/** Compose items have async getters (`to.getAsync`); read items expose plain arrays. */
export function itemMode(): ItemMode {
  const current = item() as { to?: unknown } | undefined;
  if (current === undefined) {
    return "none";
  }
  return typeof (current.to as { getAsync?: unknown } | undefined)?.getAsync === "function" ? "compose" : "read";
}

function addresses(list: Office.EmailAddressDetails[] | undefined): string[] {
  return (list ?? []).map((entry) => entry.emailAddress).filter((address) => address.length > 0);
}

export async function getRecipients(): Promise<Recipients> {
  const current = item();
  if (current === undefined) {
    return { to: [], cc: [], bcc: [] };
  }
  if (itemMode() === "read") {
    const read = current as Office.MessageRead;
    return { to: addresses(read.to), cc: addresses(read.cc), bcc: [] };
  }
  const compose = current as Office.MessageCompose;
  const [to, cc, bcc] = await Promise.all([
    call<Office.EmailAddressDetails[]>((cb) => compose.to.getAsync(cb)),
    call<Office.EmailAddressDetails[]>((cb) => compose.cc.getAsync(cb)),
    call<Office.EmailAddressDetails[]>((cb) => compose.bcc.getAsync(cb)),
  ]);
  return { to: addresses(to), cc: addresses(cc), bcc: addresses(bcc) };
}

/** The mailbox the email is sent from (Mailbox 1.7 in compose), else the signed-in user's. */
export async function getFrom(): Promise<string | undefined> {
  const current = item();
  if (current === undefined) {
    return undefined;
  }
  if (itemMode() === "read") {
    return (current as Maybe<Office.MessageRead>).from?.emailAddress;
  }
  if (supports("1.7")) {
    const from = await call<Office.EmailAddressDetails>((cb) => (current as Office.MessageCompose).from.getAsync(cb));
    return from.emailAddress;
  }
  return Office.context.mailbox.userProfile.emailAddress;
}

/** Calls the handler whenever To, Cc or Bcc change in compose (Mailbox 1.5). */
export async function onRecipientsChanged(handler: () => void): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose" || !supports("1.5")) {
    return;
  }
  await call<unknown>((cb) => current.addHandlerAsync(Office.EventType.RecipientsChanged, handler, cb));
}

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

export interface NewMessage {
  to: string[];
  cc?: string[];
  subject?: string;
  /** HTML the new message starts with (a forwarded email); Outlook sanitises it as well. */
  htmlBody?: string;
}

/** Opens Outlook's own new-message form, filled in (Mailbox 1.6); false where the host cannot. */
export function openNewMessage(message: NewMessage): boolean {
  if (!supports("1.6")) {
    return false;
  }
  Office.context.mailbox.displayNewMessageForm({
    toRecipients: message.to,
    ...(message.cc === undefined ? {} : { ccRecipients: message.cc }),
    ...(message.subject === undefined ? {} : { subject: message.subject }),
    ...(message.htmlBody === undefined ? {} : { htmlBody: message.htmlBody }),
  });
  return true;
}

/** Opens a message of the rep's mailbox in Outlook's own form (by its REST id), where Reply and Forward thread it. */
export function openMessage(restId: string): boolean {
  const box = hasOffice() ? mailbox() : undefined;
  if (box === undefined) {
    return false;
  }
  const platform = String((Office.context as Maybe<typeof Office.context>).diagnostics?.platform ?? "");
  if (platform === "iOS" || platform === "Android") {
    box.displayMessageForm(restId);
    return true;
  }
  if (!supports("1.3")) {
    return false;
  }
  box.displayMessageForm(box.convertToEwsId(restId, Office.MailboxEnums.RestVersion.v2_0));
  return true;
}

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

/** The read item's Internet Message-ID and its id for Graph (the REST id, Mailbox 1.3), when Outlook gives them. */
export function readItemIds(): { internetMessageId: string; restId: string } | undefined {
  const current = item() as Maybe<Office.MessageRead> | undefined;
  if (current === undefined || itemMode() !== "read" || current.internetMessageId === undefined || current.itemId === undefined) {
    return undefined;
  }
  // Outlook on iOS and Android already hands out REST ids (and must not convert them); elsewhere the EWS id is.
  const platform = String((Office.context as Maybe<typeof Office.context>).diagnostics?.platform ?? "");
  const mobile = platform === "iOS" || platform === "Android";
  const restId = mobile ? current.itemId : supports("1.3") ? mailbox()?.convertToRestId(current.itemId, Office.MailboxEnums.RestVersion.v2_0) : undefined;
  return restId === undefined ? undefined : { internetMessageId: current.internetMessageId, restId };
}

/** Nested App Authentication (NestedAppAuth 1.1): Outlook brokers the pane's token. */
export function supportsNestedAppAuth(): boolean {
  return hasOffice() && Office.context.requirements.isSetSupported("NestedAppAuth", "1.1");
}

/** Calls the handler when the rep selects another item while the pane stays open, pinned (Mailbox 1.5). */
export async function onItemChanged(handler: () => void): Promise<void> {
  const box = hasOffice() ? mailbox() : undefined;
  if (box === undefined || !supports("1.5")) {
    return;
  }
  await call<unknown>((cb) => box.addHandlerAsync(Office.EventType.ItemChanged, handler, cb));
}

function composeItem(): Office.MessageCompose | undefined {
  return itemMode() === "compose" ? (item() as Office.MessageCompose) : undefined;
}

/** Inserts HTML at the cursor of the message body (Mailbox 1.1), replacing any selection. */
export async function insertHtml(html: string): Promise<void> {
  const current = composeItem();
  if (current === undefined) {
    throw new Error("Content can only be inserted while writing an email.");
  }
  await call<unknown>((cb) => current.body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, cb));
}

export async function getSubject(): Promise<string> {
  const current = composeItem();
  return current === undefined ? "" : call<string>((cb) => current.subject.getAsync(cb));
}

export async function setSubject(subject: string): Promise<void> {
  const current = composeItem();
  if (current !== undefined) {
    await call<unknown>((cb) => current.subject.setAsync(subject, cb));
  }
}

/** The HTML the rep has selected in the body (Mailbox 1.2), else the whole body (1.3): what "save as template" keeps. */
export async function selectedOrWholeBody(): Promise<{ html: string; whole: boolean }> {
  const current = composeItem();
  if (current === undefined) {
    return { html: "", whole: true };
  }
  if (supports("1.2")) {
    const selected = await call<{ data: string }>((cb) => current.getSelectedDataAsync(Office.CoercionType.Html, cb));
    if (selected.data.trim() !== "") {
      return { html: selected.data, whole: false };
    }
  }
  return { html: supports("1.3") ? await call<string>((cb) => current.body.getAsync(Office.CoercionType.Html, cb)) : "", whole: true };
}
