import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** An entry the API would add only with the removal of emails already logged: what it said, and the choice. */
export interface PendingPurge {
  value: string;
  scope: "account" | "personal";
  detail: string;
  sample: { id: string; subject: string; sentAt: string }[];
}

/** What adding the entry would remove, before anything is removed; Restore undoes it for 30 days. */
export function PurgeConfirm({ pending, onConfirm, onCancel }: { pending: PendingPurge; onConfirm: () => Promise<void>; onCancel: () => void }) {
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Logged emails would be removed</MessageBarTitle>
        {pending.detail} You can undo it with Restore for 30 days.
        {pending.sample.length === 0 ? null : (
          <ul aria-label="Among them">
            {pending.sample.map((email) => (
              <li key={email.id}>
                {email.subject} ({new Date(email.sentAt).toLocaleDateString()})
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void onConfirm()}>
          Add and remove the emails
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
