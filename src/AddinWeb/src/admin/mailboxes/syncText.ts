import type { SubscriptionView, SyncView } from "../api/mailboxes";

/** The first sync or import in words: "Inbox: 1,200 messages queued, running", or null when none is under way. */
export function syncInWords(sync: readonly SyncView[]): string | null {
  const running = sync.filter((each) => each.status === "pending" || each.status === "processing");
  if (running.length === 0) {
    return null;
  }
  return running
    .map((each) => `${folderName(each.folder)}: ${each.itemsQueued.toLocaleString()} messages queued, ${each.status === "processing" ? "running" : "waiting"}`)
    .join("; ");
}

/** Whether both folders are watched by a live subscription: "Watching Inbox and Sent Items" or what is missing. */
export function watchingInWords(subscriptions: readonly SubscriptionView[], now = Date.now()): string {
  const live = subscriptions.filter((each) => each.status === "active" && new Date(each.expiresAt).getTime() > now).map((each) => folderName(each.folder));
  if (live.length === 0) {
    return "Not watching: no live subscription";
  }
  return `Watching ${live.join(" and ")}`;
}

export function folderName(folder: string): string {
  const lower = folder.toLowerCase();
  return lower === "inbox" ? "Inbox" : lower === "sentitems" ? "Sent Items" : folder;
}
