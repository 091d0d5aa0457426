import { ApiError, failure } from "../../api/client";

/**
 * What the console says when a call fails. The pane's wording fits the pane; here a 403 is nearly always an admin-only
 * action reached by a user without Crm.Admin (or a role removed since sign-in), so it says that, with the API's own
 * words when it gave some.
 */
export function adminFailure(error: unknown): { message: string; unreachable: boolean } {
  if (error instanceof ApiError && error.status === 403) {
    return { message: error.detail ?? "Only an OutlookCrm admin (the Crm.Admin role) may do this: ask your admin, or sign in again if your role just changed.", unreachable: false };
  }
  return failure(error);
}
