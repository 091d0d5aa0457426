import type { AuditLine } from "../api/audit";

const actions: Record<string, string> = {
  "settings.changed": "changed the settings",
  "neverLog.added": "added a never-log entry",
  "neverLog.removed": "removed a never-log entry",
  "neverLog.restored": "restored a never-log entry's emails",
  "neverLog.purgeExpired": "purged for good the emails of a never-log entry",
  "mailbox.connected": "connected a mailbox",
  "mailbox.disconnected": "disconnected a mailbox",
  "contact.optOutCleared": "cleared a contact's opt-out",
  "admin.action": "did",
  "role.refused": "was refused",
};

/** An audit line in words: the action, its target, what changed (each field that differs, before → after), the count. */
export function describeAudit(line: AuditLine): string {
  const what = `${actions[line.action] ?? line.action}${line.target === null ? "" : ` (${line.target})`}`;
  const changes = changed(line.before, line.after);
  const count = line.count === null ? "" : `; ${line.count} ${line.count === 1 ? "row" : "rows"}`;
  return `${what}${changes === "" ? "" : `: ${changes}`}${count}`;
}

function changed(before: unknown, after: unknown): string {
  if (!isRecord(before) || !isRecord(after)) {
    return "";
  }
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key} ${text(before[key])} → ${text(after[key])}`)
    .join(", ");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value === null || value === undefined) {
    return "none";
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return JSON.stringify(value);
}
