import { removeNeverLog, restoreNeverLog, type NeverLogEntry } from "../api/neverLog";
import { useAdmin } from "../shell/AdminContext";
import { InlineConfirm } from "../shared/InlineConfirm";

/** Removing an entry (what it purged stays purged) or restoring it (its emails come back, the entry goes), confirmed first. */
export function NeverLogConfirm({ asking, onClose, onDone }: {
  asking: { action: "remove" | "restore"; entry: NeverLogEntry } | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { api } = useAdmin();
  if (asking === null) {
    return null;
  }
  const value = asking.entry.value;
  if (asking.action === "restore") {
    return (
      <InlineConfirm
        onCancel={onClose}
        title={`Undo the entry for ${value}?`}
        confirmLabel="Restore"
        onConfirm={async () => {
          await restoreNeverLog(api, asking.entry.id);
          onClose();
          onDone(`The emails removed for ${value} are back, and the entry is gone.`);
        }}
      >
        The emails this entry removed come back to the timelines (within 30 days of adding it), and the entry goes.
      </InlineConfirm>
    );
  }
  return (
    <InlineConfirm
      onCancel={onClose}
      title={`Log ${value} again?`}
      confirmLabel="Remove the entry"
      onConfirm={async () => {
        await removeNeverLog(api, asking.entry.id);
        onClose();
        onDone(`${value} is logged again from now on; what its entry removed stays removed.`);
      }}
    >
      Email with {value} is logged again from now on. Emails the entry removed stay removed: use Restore instead to bring them back.
    </InlineConfirm>
  );
}
