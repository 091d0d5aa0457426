import { useEffect, useRef, useState } from "react";
import type { ApiClient } from "../../api/client";
import { registerDefaultIntent, type DefaultIntent } from "../../api/compose";
import { getRecipients } from "../../office/mailbox";
import { composeType } from "../../office/stamp";

/**
 * What the compose item carries before this pane: the launch event's default intent (with the start it claimed on
 * the server: "Email" on a record, a timeline's Reply) or an intent an earlier pane saved. Registering the default here
 * also claims the start where no launch event ran. True once answered (or failed): the pane saves its own intent only
 * then, so it never replaces what the item carried before reading it.
 */
export function useCarriedIntent(api: ApiClient, trackingId: string | undefined, carry: (carried: DefaultIntent) => void): boolean {
  const [done, setDone] = useState(false);
  const latestCarry = useRef(carry);
  useEffect(() => {
    latestCarry.current = carry;
  }, [carry]);
  useEffect(() => {
    if (trackingId === undefined) {
      return;
    }
    const asked = { cancelled: false };
    void (async () => {
      try {
        const [recipients, type] = await Promise.all([getRecipients(), composeType()]);
        const carried = await registerDefaultIntent(api, trackingId, { to: recipients.to, cc: recipients.cc, ...(type === undefined ? {} : { composeType: type }) });
        if (!asked.cancelled) {
          latestCarry.current(carried);
        }
      } catch {
        // Nothing carried over: the rep's choices here are saved as ever.
      } finally {
        if (!asked.cancelled) {
          setDone(true);
        }
      }
    })();
    return () => {
      asked.cancelled = true;
    };
  }, [api, trackingId]);
  return done;
}
