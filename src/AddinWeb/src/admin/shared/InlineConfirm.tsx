import { useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { adminFailure } from "./failureText";

/**
 * A destructive action on a row of a list, confirmed in place above the list: what it will do, then Confirm or Cancel.
 * Not a modal dialog: the action removes the row it was asked from, and a dialog unmounted with its row while open
 * left the page hidden from screen readers (and Fluent's dialog adds focus traps axe reports even while closed).
 */
export function InlineConfirm({ title, children, confirmLabel, onConfirm, onCancel }: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <MessageBar intent={error === null ? "warning" : "error"} role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
        {error === null ? null : ` ${error}`}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            onConfirm().then(
              () => setBusy(false),
              (caught: unknown) => {
                setBusy(false);
                setError(adminFailure(caught).message);
              },
            );
          }}
        >
          {confirmLabel}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
