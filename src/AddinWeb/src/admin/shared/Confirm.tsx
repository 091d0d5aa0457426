import { useState } from "react";
import { ErrorBar } from "./Notices";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from "@fluentui/react-components";
import { adminFailure } from "./failureText";

/**
 * A destructive action behind a dialog that says what it will do. The action runs once per confirmation (the button is
 * disabled while it runs); the dialog closes when it has succeeded and shows what went wrong when it has not.
 *
 * With a `trigger` (the button the page shows) the dialog opens itself. Without one it is the parent's: `open` and
 * `onClose`. Use that where the action removes the row the button sits in: the dialog must outlive the row, or the
 * page stays hidden from a screen reader behind a modal that was never closed.
 */
export function Confirm({ trigger, open: openByParent, onClose, title, children, confirmLabel, onConfirm }: {
  trigger?: React.ReactElement;
  open?: boolean;
  onClose?: () => void;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}) {
  const [openByItself, setOpenByItself] = useState(false);
  const open = trigger === undefined ? (openByParent ?? false) : openByItself;
  const setOpen = (value: boolean) => {
    setOpenByItself(value);
    if (!value) {
      onClose?.();
    }
  };
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
  return trigger === undefined ? (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {surface}
    </Dialog>
  ) : (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  );
}
