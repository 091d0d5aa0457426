import { useState } from "react";
import { ErrorBar } from "./Notices";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from "@fluentui/react-components";
import { adminFailure } from "./failureText";

/**
 * A destructive action behind a dialog that says what it will do; the trigger is the button the page shows. The
 * action runs once per confirmation (the button is disabled while it runs); the dialog closes when it has succeeded
 * and shows what went wrong when it has not. Not for an action that removes the row its button is in: use
 * InlineConfirm above the list there (a dialog unmounted while open leaves the page hidden from screen readers).
 */
export function Confirm({ trigger, title, children, confirmLabel, onConfirm }: {
  trigger: React.ReactElement;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const surface = (
    <DialogSurface>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {children}
          {error === null ? null : <ErrorBar message={error} />}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy}>Cancel</Button>
          </DialogTrigger>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              onConfirm().then(
                () => {
                  setBusy(false);
                  setOpen(false);
                },
                (caught: unknown) => {
                  setBusy(false);
                  setError(adminFailure(caught).message);
                },
              );
            }}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
  const onOpenChange = (_: unknown, data: { open: boolean }) => {
    setOpen(data.open);
    setError(null);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  );
}
