import { Caption1 } from "@fluentui/react-components";
import type { ComposeContext } from "../../api/compose";

const kinds: Record<ComposeContext["from"]["kind"], string> = {
  personal: "your inbox, connected to OutlookCrm",
  team: "a team inbox, connected to OutlookCrm",
  helpdesk: "a help-desk inbox: the email is logged to a ticket",
  notConnected: "not connected to OutlookCrm: the email is not logged unless the inbox is connected",
};

/** Which mailbox the email goes from, and what that means for logging it. */
export function FromMailbox({ from }: { from: ComposeContext["from"] }) {
  return (
    <Caption1 aria-label="From mailbox" data-kind={from.kind}>
      From {from.address ?? "your mailbox"}: {kinds[from.kind]}.
    </Caption1>
  );
}
