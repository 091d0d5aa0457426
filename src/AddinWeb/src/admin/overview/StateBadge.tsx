import { Badge } from "@fluentui/react-components";
import type { FlowState } from "../api/overview";

const looks: Record<FlowState, { colour: "success" | "warning" | "danger"; text: string }> = {
  green: { colour: "success", text: "Flowing" },
  amber: { colour: "warning", text: "Needs a look" },
  red: { colour: "danger", text: "Not flowing" },
};

/** A mailbox's state in colour and in words (never colour alone). */
export function StateBadge({ state }: { state: FlowState }) {
  const look = looks[state];
  return (
    <Badge appearance="filled" color={look.colour} data-state={state}>
      {look.text}
    </Badge>
  );
}
