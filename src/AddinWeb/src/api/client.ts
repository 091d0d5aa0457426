import { SignInError } from "../auth/signInError";

/** An RFC 9457 answer from the API, with the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: Record<string, string[]>,
    readonly detail?: string,
  ) {
    // What the server said about the field at fault reads better than the status line.
    super(Object.values(errors).flat()[0] ?? detail ?? `${status} ${title}`);
  }

  /** The API could not be reached at all (down, offline): the pane offers a retry. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export type TokenSource = () => Promise<string>;

/**
 * Typed calls to the OutlookCrm API. The pane is served by the API itself, so calls are same-origin; the token comes
 * from the token source (Nested App Authentication in Outlook, the dev issuer in Development) and is never stored.
 */
export class ApiClient {
  constructor(
    private readonly token: TokenSource,
    private readonly baseUrl = "",
  ) {}

  /** A file the API answers (a CSV export), read whole; a refusal is an ApiError like any other. */
  async download(path: string): Promise<Blob> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { Authorization: `Bearer ${await this.token()}` } });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: Record<string, string[]> };
      throw new ApiError(response.status, problem.title ?? response.statusText, problem.errors ?? {}, problem.detail);
    }
    return response.blob();
  }

  async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      const init: RequestInit = {
        method,
        headers: { Authorization: `Bearer ${await this.token()}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      };
      response = await fetch(`${this.baseUrl}${path}`, init);
    } catch (error) {
      // A cancelled call and a failed sign-in are what they are; anything else here means the network failed.
      const aborted = typeof DOMException === "function" && error instanceof DOMException && error.name === "AbortError";
      if (aborted || error instanceof SignInError) {
        throw error;
      }
      throw new ApiError(0, "Unreachable", {}, "The OutlookCrm API cannot be reached");
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: Record<string, string[]> };
      throw new ApiError(response.status, problem.title ?? response.statusText, problem.errors ?? {}, problem.detail);
    }
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  }
}

/** What a pane shows when a call fails: the message, and whether the API could not be reached at all. */
export function failure(error: unknown): { message: string; unreachable: boolean } {
  if (error instanceof SignInError) {
    return { message: `You are not signed in to OutlookCrm: ${error.message}`, unreachable: false };
  }
  if (error instanceof ApiError && error.status === 401) {
    return { message: "You are not signed in to OutlookCrm, or your sign-in has expired.", unreachable: false };
  }
  if (error instanceof ApiError && error.status === 403) {
    return { message: "Your organisation has not set up OutlookCrm for your account yet: ask your admin.", unreachable: false };
  }
  return { message: error instanceof Error ? error.message : String(error), unreachable: error instanceof ApiError && error.unreachable };
}
