/**
 * The one Office.js boundary of the pane is this folder: every call to Office lives in office/, promisified and
 * feature-detected with `isSetSupported` (base requirement Mailbox 1.1; most of what the pane does needs 1.8). The
 * rest of the code is plain React over typed API calls and never touches `Office`. This file reads the current item
 * (its people, its ids) and follows changes to it. In Outlook, office.js comes from Microsoft's CDN; the harness and
 * the browser tests load a fake in its place.
 */

import { call, hasOffice, isMobile, item, itemMode, mailbox, offers, supports, type Maybe } from "./core";

export { hasOffice, itemMode, officeReady, supports, type ItemMode } from "./core";

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** The signed-in user's address (Mailbox 1.1), or undefined outside Outlook. */
export function userEmail(): string | undefined {
  return hasOffice() ? mailbox()?.userProfile.emailAddress : undefined;
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
  // Outlook on iOS and Android reads From in compose (from version 4.2352) while denying Mailbox 1.7: tried there.
  if (offers("1.7", typeof (current as Maybe<Office.MessageCompose>).from?.getAsync === "function")) {
    const from = await call<Office.EmailAddressDetails>((cb) => (current as Office.MessageCompose).from.getAsync(cb));
    return from.emailAddress;
  }
  return Office.context.mailbox.userProfile.emailAddress;
}

/** Calls the handler whenever To, Cc or Bcc change in compose (Office.EventType.RecipientsChanged is Mailbox 1.7). */
export async function onRecipientsChanged(handler: () => void): Promise<void> {
  const current = item() as Office.MessageCompose | undefined;
  if (current === undefined || itemMode() !== "compose" || !supports("1.7")) {
    return;
  }
  await call<unknown>((cb) => current.addHandlerAsync(Office.EventType.RecipientsChanged, handler, cb));
}

/** The read item's Internet Message-ID and its id for Graph (the REST id, Mailbox 1.3), when Outlook gives them. */
export function readItemIds(): { internetMessageId: string; restId: string } | undefined {
  const current = item() as Maybe<Office.MessageRead> | undefined;
  if (current === undefined || itemMode() !== "read" || current.internetMessageId === undefined || current.itemId === undefined) {
    return undefined;
  }
  // Outlook on iOS and Android already hands out REST ids (and must not convert them); elsewhere the EWS id is.
  const restId = isMobile() ? current.itemId : supports("1.3") ? mailbox()?.convertToRestId(current.itemId, Office.MailboxEnums.RestVersion.v2_0) : undefined;
  return restId === undefined ? undefined : { internetMessageId: current.internetMessageId, restId };
}

/** Calls the handler when the rep selects another item while the pane stays open, pinned (Mailbox 1.5). */
export async function onItemChanged(handler: () => void): Promise<void> {
  const box = hasOffice() ? mailbox() : undefined;
  if (box === undefined || !supports("1.5")) {
    return;
  }
  await call<unknown>((cb) => box.addHandlerAsync(Office.EventType.ItemChanged, handler, cb));
}

/**
 * The shared or team mailbox the item is in, when it is not the rep's own: `owner` of the item's shared properties,
 * "the email address of the owner of a shared item" (Mailbox 1.8 for shared folders, 1.13 for shared mailboxes:
 * learn.microsoft.com/javascript/api/outlook/office.sharedproperties). `targetMailbox` is documented as a location that
 * "may differ based on the Outlook client", so it is not taken for an address. Undefined for the rep's own items
 * (Outlook fails the call: "the current folder or mailbox isn't shared") and where the call is missing.
 */
export async function sharedMailbox(): Promise<string | undefined> {
  const current = item() as Maybe<Office.MessageRead> | undefined;
  const getShared = current?.getSharedPropertiesAsync;
  if (current === undefined || getShared === undefined || !supports("1.8")) {
    return undefined;
  }
  try {
    const shared = await call<Office.SharedProperties>((cb) => getShared.call(current, cb));
    return shared.owner.length > 0 ? shared.owner : undefined;
  } catch {
    return undefined;
  }
}
