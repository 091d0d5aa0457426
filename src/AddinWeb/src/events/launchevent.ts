/**
 * OutlookCrm's event-based activation: built as one file with no imports (classic Outlook on Windows runs it in a
 * JavaScript-only runtime: no modules, no Office.onReady, no storage), served by CrmApi with its own absolute base URL
 * written in. The item itself carries what the events share with the pane (the tracking id, the pre-computed check).
 */
import { ApiClient } from "../api/client";
import { signedIn } from "../auth/signIn";
import { runsOnPhone } from "../office/host";
import { getFrom, getRecipients, userEmail } from "../office/mailbox";
import { clearNotice, showNotice } from "../office/notices";
import { clearReview, composeType, markForReview, sessionGet, sessionSet, stampTrackingId } from "../office/stamp";
import { decideSend, fingerprint, PrecheckKey, precheckFor, type SendCheck } from "./sendDecision";

// Replaced by CrmApi when it serves this script: the JavaScript-only runtime has no page origin to resolve against.
const baseUrl = "__OUTLOOKCRM_BASE_URL__";
/** Outlook says "taking longer than expected" after 5 s: the check must answer well before. */
const sendCheckBudgetMs = 3000;

// Made on first use: Office's mailbox (the signed-in user) is only there once a handler runs, not when the script loads.
let client: ApiClient | undefined;
const api = () => (client ??= new ApiClient(signedIn(userEmail(), baseUrl), baseUrl));
/** `t-<uuid>` as the pane makes it; the JavaScript-only runtime may lack crypto.randomUUID, never getRandomValues. */
function newTrackingId(): string {
  if (typeof crypto.randomUUID === "function") {
    return `t-${crypto.randomUUID()}`;
  }
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `t-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Rejects when the work takes longer than the budget (signing in included, not only the request). */
function withinBudget<T>(work: (signal: AbortSignal | undefined) => Promise<T>, ms: number): Promise<T> {
  // Without AbortController (an older runtime) the late answer is simply ignored.
  const abort = typeof AbortController === "function" ? new AbortController() : undefined;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      abort?.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
    work(abort?.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** How long the new-message event waits for the API: Outlook shows nothing for it, but a runtime is held open. */
const defaultIntentBudgetMs = 5000;

/**
 * A new message, reply or forward: the tracking id goes on at once, and the default intent is registered under it —
 * claiming what the message was started from ("Email" on a record, a timeline's Reply: the start the pane left, found
 * by the message's recipients) — so the email is logged by the rep's policy, and to the record it was started from,
 * even if the pane never opens. No answer in time loses nothing but the start: the policy still applies on the server.
 */
async function onNewMessageCompose(event: Office.MailboxEvent): Promise<void> {
  try {
    const stamp = await stampTrackingId(newTrackingId());
    const [recipients, type] = await Promise.all([getRecipients(), composeType()]);
    await withinBudget(
      (signal) =>
        api().send("PUT", `/api/log-intents/${encodeURIComponent(stamp.trackingId)}/default`, { to: recipients.to, cc: recipients.cc, ...(type === undefined ? {} : { composeType: type }) }, signal),
      defaultIntentBudgetMs,
    );
  } catch {
    // The stamp is what matters: without the default intent the server's policy still decides when it is sent.
  } finally {
    event.completed();
  }
}

/**
 * Recipients changed: the same check without its side effects (compose context), so the token is fetched, the
 * connection open and the server's caches warm before Send — the send-time check then answers in milliseconds. Its
 * answer goes into the item's session data for the send handler (each event may run in a fresh runtime).
 */
async function onMessageRecipientsChanged(event: Office.MailboxEvent): Promise<void> {
  try {
    const [recipients, from] = await Promise.all([getRecipients(), getFrom()]);
    const context = await api().send<{ allowed: boolean }>("POST", "/api/compose/context", { ...recipients, ...(from === undefined ? {} : { from }) });
    await sessionSet(PrecheckKey, JSON.stringify({ fingerprint: fingerprint(recipients), allowed: context.allowed }));
    if (runsOnPhone()) {
      await onPhone(context.allowed);
    }
  } catch {
    // Only a warm-up and a hint: the send-time check decides.
  } finally {
    event.completed();
  }
}

const PhoneNoticeKey = "outlookcrm-basis";
/** The review reason a phone's email carries: item 3's sentWithoutCheck then says why there was no check. */
const PhoneReviewReason = "Outlook on iOS or Android has no send-time check";

/**
 * Outlook on iOS and Android run no send handler (Smart Alerts are not applicable there), so this event is the only
 * time the rep can hear that a recipient has no legal basis: a bar says so, and the email is marked for review. Both
 * go when every recipient has one again. Only on a blocked answer: a mark on every phone email would be noise.
 */
async function onPhone(allowed: boolean): Promise<void> {
  if (allowed) {
    await Promise.all([clearNotice(PhoneNoticeKey), clearReview()]);
    return;
  }
  await Promise.all([
    showNotice(PhoneNoticeKey, "A recipient has no legal basis to be emailed. Outlook on a phone can't check at send: the email will be recorded for review."),
    // A save may write the loaded set of custom properties whole (Office's reference does not say): the stamp, which
    // the new-message event may still be writing, is settled first, so the mark's save carries it.
    stampTrackingId(newTrackingId())
      .catch(() => undefined)
      .then(() => markForReview(PhoneReviewReason)),
  ]);
}

/** Send: the CRM decides (consuming one-time bases, recording the decision); no answer in time means send and review. */
async function onMessageSend(event: Office.MailboxEvent): Promise<void> {
  let check: SendCheck | "unavailable" = "unavailable";
  let recipients = { to: [] as string[], cc: [] as string[], bcc: [] as string[] };
  try {
    const [current, from, stamp] = await Promise.all([getRecipients(), getFrom(), stampTrackingId(newTrackingId())]);
    recipients = current;
    const body = { trackingId: stamp.trackingId, ...recipients, ...(from === undefined ? {} : { from }) };
    check = await withinBudget((signal) => api().send<SendCheck>("POST", "/api/compose/send-check", body, signal), sendCheckBudgetMs);
  } catch {
    check = "unavailable";
  }
  const precheck = check === "unavailable" ? precheckFor(await sessionGet(PrecheckKey).catch(() => undefined), recipients) : undefined;
  const { review, ...decision } = decideSend(check, precheck);
  if (review !== undefined) {
    await markForReview(review).catch(() => undefined);
  }
  event.completed(decision);
}

Office.actions.associate("onNewMessageCompose", (event: Office.MailboxEvent) => void onNewMessageCompose(event));
Office.actions.associate("onMessageRecipientsChanged", (event: Office.MailboxEvent) => void onMessageRecipientsChanged(event));
Office.actions.associate("onMessageSend", (event: Office.MailboxEvent) => void onMessageSend(event));
