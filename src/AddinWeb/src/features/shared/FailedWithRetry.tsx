import { Body1, Button } from "@fluentui/react-components";

/** A failed load: what went wrong (the API out of reach, or the server's own words) and a Retry. */
export function FailedWithRetry({
  failed,
  onRetry,
  unreachableText = "OutlookCrm cannot be reached.",
  size = "medium",
}: {
  failed: { message: string; unreachable: boolean };
  onRetry: () => void;
  unreachableText?: string;
  size?: "small" | "medium";
}) {
  return (
    <div role="alert">
      <Body1>{failed.unreachable ? unreachableText : failed.message}</Body1>
      <Button size={size} onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
