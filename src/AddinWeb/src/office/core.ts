/**
 * The Office.js primitives the rest of office/ is built on: whether Office is there, which requirement sets it has,
 * the current item, and callbacks turned into promises. Only office/ imports this file.
 */

export type ItemMode = "read" | "compose" | "none";

export type Callback<T> = (result: Office.AsyncResult<T>) => void;

/**
 * Office.js's types promise more than hosts give: outside a mail item there is no mailbox, a failed call may carry no
 * error, a read item from a draft may have no sender. These views say so, so the checks below are not dead code.
 */
export type Maybe<T> = { [K in keyof T]?: T[K] | undefined };
export const mailbox = (): Office.Mailbox | undefined => (Office.context as Maybe<typeof Office.context>).mailbox;

/** Turns Office's callback style into a promise that rejects with Office's error message. */
export function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
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

/**
 * Whether an API of a later requirement set may be called: where the host says it supports the set, or on Outlook for
 * iOS and Android when the API is there. Those implement Mailbox 1.5 and some later APIs one by one (internet headers,
 * session data, the compose type, From: learn.microsoft.com/office/dev/add-ins/outlook/outlook-mobile-apis), and
 * `isSetSupported` answers false for their sets, so there the API is tried rather than the set (and may still fail).
 */
export function offers(version: string, present: boolean): boolean {
  return supports(version) || (hasOffice() && isMobile() && present);
}

export function item(): Office.Item | undefined {
  return hasOffice() ? (mailbox()?.item ?? undefined) : undefined;
}

/** Compose items have async getters (`to.getAsync`); read items expose plain arrays. */
export function itemMode(): ItemMode {
  const current = item() as { to?: unknown } | undefined;
  if (current === undefined) {
    return "none";
  }
  return typeof (current.to as { getAsync?: unknown } | undefined)?.getAsync === "function" ? "compose" : "read";
}

export function composeItem(): Office.MessageCompose | undefined {
  return itemMode() === "compose" ? (item() as Office.MessageCompose) : undefined;
}

/** Outlook on iOS and Android: its item ids are REST ids already (and must not be converted). */
export function isMobile(): boolean {
  const platform = String((Office.context as Maybe<typeof Office.context>).diagnostics?.platform ?? "");
  return platform === "iOS" || platform === "Android";
}
