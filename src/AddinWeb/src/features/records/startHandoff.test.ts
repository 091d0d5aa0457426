import { beforeEach, describe, expect, it } from "vitest";
import { handoffLifetimeMs, leaveStart, startRecipients, takeStart } from "./startHandoff";

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const project = { id: "p-1", type: "project", name: "Rollout" };

describe("the start-from-a-record handoff", () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it("hands the record to the next compose pane once", () => {
    leaveStart(storage, { record: project, picked: [] }, 1_000);
    expect(takeStart(storage, 2_000)).toEqual({ record: project, picked: [] });
    expect(takeStart(storage, 2_000)).toBeUndefined();
  });

  it("ignores a handoff older than its lifetime, and removes it", () => {
    leaveStart(storage, { record: project, picked: [] }, 1_000);
    expect(takeStart(storage, 1_000 + handoffLifetimeMs + 1)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it("hands over a reply's records and compose type, dropping entries it cannot read", () => {
    leaveStart(storage, { picked: [project, { id: "deal-1", type: "deal", name: "200 seats" }], composeType: "reply" }, 1_000);
    expect(takeStart(storage, 1_500)).toEqual({ picked: [project, { id: "deal-1", type: "deal", name: "200 seats" }], composeType: "reply" });
    storage.setItem("outlookcrm.startedFrom", JSON.stringify({ picked: [project, { id: 7 }], composeType: "spam", at: 1_000 }));
    expect(takeStart(storage, 1_500)).toEqual({ picked: [project] });
  });

  it("ignores what it cannot read", () => {
    storage.setItem("outlookcrm.startedFrom", "{not json");
    expect(takeStart(storage)).toBeUndefined();
    storage.setItem("outlookcrm.startedFrom", JSON.stringify({ record: { id: 1 }, at: Date.now() }));
    expect(takeStart(storage)).toBeUndefined();
  });
});

describe("startRecipients", () => {
  it("puts a contact's own address in To", () => {
    expect(startRecipients({ type: "contact", email: "megan@fabrikam.com", contacts: [] })).toEqual(["megan@fabrikam.com"]);
  });

  it("puts a deal's contacts that have an address, once each", () => {
    const contacts = [{ email: "megan@fabrikam.com" }, { email: null }, { email: "megan@fabrikam.com" }, { email: "lee@northwind.com" }];
    expect(startRecipients({ type: "deal", email: null, contacts })).toEqual(["megan@fabrikam.com", "lee@northwind.com"]);
  });

  it("leaves To empty for a custom object, whatever it is associated with", () => {
    expect(startRecipients({ type: "project", email: null, contacts: [{ email: "megan@fabrikam.com" }] })).toEqual([]);
  });
});
