import type { Health } from "../api/health";

/** What the pane shows is one of these, never a mix of flags. */
export type PaneState =
  | { kind: "connecting" }
  | { kind: "connected"; health: Health }
  | { kind: "unreachable"; reason: string };

export function describe(state: PaneState): string {
  switch (state.kind) {
    case "connecting":
      return "Connecting to OutlookCrm…";
    case "connected":
      return `Connected to OutlookCrm (${state.health.database === "sqlite" ? "embedded database" : "SQL Server"}).`;
    case "unreachable":
      return `OutlookCrm cannot be reached: ${state.reason}`;
  }
}
