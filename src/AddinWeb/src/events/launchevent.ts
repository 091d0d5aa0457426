/**
 * OutlookCrm's event-based activation: built as one file with no imports (classic Outlook on Windows runs it in a
 * JavaScript-only runtime: no modules, no Office.onReady, no storage), served by CrmApi with its own absolute base URL
 * written in. The item itself carries what the events share with the pane (the tracking id, the pre-computed check).
 */
import { ApiClient } from "../api/client";
import { signedIn } from "../auth/signIn";
import { getFrom, getRecipients, markForReview, stampTrackingId, userEmail } from "../office/mailbox";
import { decideSend, type SendCheck } from "./sendDecision";

// Replaced by CrmApi when it serves this script: the JavaScript-only runtime has no page origin to resolve against.
const baseUrl = "__OUTLOOKCRM_BASE_URL__";
/** Outlook says "taking longer than expected" after 5 s: the check must answer well before. */
const sendCheckBudgetMs = 3000;

const api = new ApiClient(signedIn(userEmail(), baseUrl), baseUrl);
const newTrackingId = () => `t-${crypto.randomUUID()}`;

/** Rejects when the work takes longer than the budget (signing in included, not only the request). */
function withinBudget<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const abort = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
    work(abort.signal).then(
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

/** A new message, reply or forward: the tracking id goes on at once, so the email is known even if the pane never opens. */
async function onNewMessageCompose(event: Office.MailboxEvent): Promise<void> {
  try {
    await stampTrackingId(newTrackingId());
  } finally {
    event.completed();
  }
}

/**
 * Recipients changed: the same check without its side effects (compose context), so the token is fetched, the
 * connection open and the server's caches warm before Send — the send-time check then answers in milliseconds.
 */
async function onMessageRecipientsChanged(event: Office.MailboxEvent): Promise<void> {
  try {
    const [recipients, from] = await Promise.all([getRecipients(), getFrom()]);
    await api.send("POST", "/api/compose/context", { ...recipients, ...(from === undefined ? {} : { from }) });
  } catch {
    // Only a warm-up: the send-time check decides.
  } finally {
    event.completed();
  }
}

/** Send: the CRM decides (consuming one-time bases, recording the decision); no answer in time means send and review. */
async function onMessageSend(event: Office.MailboxEvent): Promise<void> {
  let check: SendCheck | "unavailable" = "unavailable";
  try {
    const [recipients, from, stamp] = await Promise.all([getRecipients(), getFrom(), stampTrackingId(newTrackingId())]);
    const body = { trackingId: stamp.trackingId, ...recipients, ...(from === undefined ? {} : { from }) };
    check = await withinBudget((signal) => api.send<SendCheck>("POST", "/api/compose/send-check", body, signal), sendCheckBudgetMs);
  } catch {
    check = "unavailable";
  }
  const { review, ...decision } = decideSend(check);
  if (review !== undefined) {
    await markForReview(review).catch(() => undefined);
  }
  event.completed(decision);
}

Office.actions.associate("onNewMessageCompose", (event: Office.MailboxEvent) => void onNewMessageCompose(event));
Office.actions.associate("onMessageRecipientsChanged", (event: Office.MailboxEvent) => void onMessageRecipientsChanged(event));
Office.actions.associate("onMessageSend", (event: Office.MailboxEvent) => void onMessageSend(event));
