import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Loaded } from "./useLoad";

/** Something failed: what happened and what to do, with a retry where trying again can help. */
export function ErrorBar({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
      {onRetry === undefined ? null : (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Shown to a signed-in user without Crm.Admin in place of an action only an admin may take. */
export function AskYourAdmin({ what }: { what: string }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Ask your admin</MessageBarTitle>
        Only an OutlookCrm admin (the Crm.Admin role in Entra ID) can {what}. Ask your admin, or ask IT to assign you the role.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The loading spinner or the error of a load; the content once it is done. */
export function LoadedView<T>({ loaded, label, onRetry, children }: { loaded: Loaded<T>; label: string; onRetry: () => void; children: (data: T) => React.ReactNode }) {
  if (loaded.state === "loading") {
    return <Spinner size="small" label={`Loading ${label}…`} />;
  }
  if (loaded.state === "failed") {
    return <ErrorBar message={loaded.unreachable ? `${label}: the OutlookCrm API cannot be reached. Check your connection and try again.` : `${label}: ${loaded.message}`} onRetry={onRetry} />;
  }
  return <>{children(loaded.data)}</>;
}
