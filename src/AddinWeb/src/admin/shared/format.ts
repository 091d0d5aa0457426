/** A time as the admin's browser shows times (their locale and zone), or a dash when there is none. */
export function when(iso: string | null | undefined): string {
  return iso === null || iso === undefined ? "—" : new Date(iso).toLocaleString();
}

/** How long ago, in the largest whole unit: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (iso === null || iso === undefined) {
    return "never";
  }
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) {
    return "just now";
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `${Math.floor(seconds / 3600)} h ago`;
  }
  const days = Math.floor(seconds / 86400);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** A `datetime-local` input's value (the admin's local time) as an ISO instant for the API. */
export function localInputToIso(value: string): string | null {
  const time = new Date(value);
  return value === "" || Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** An instant as a `datetime-local` input's value, in the admin's local time, to the minute. */
export function isoToLocalInput(time: Date): string {
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}
