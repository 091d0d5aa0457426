import { useCallback, useEffect, useState } from "react";
import { adminFailure } from "./failureText";

/** What a page loaded: nothing yet, the data, or what went wrong in words (and whether the API was unreachable). */
export type Loaded<T> = { state: "loading" } | { state: "done"; data: T } | { state: "failed"; message: string; unreachable: boolean };

/**
 * Loads once per change of `key` and on `reload()`; a load that a newer one replaced is dropped (its signal aborted), so
 * a slow answer never overwrites a newer one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setLoaded({ state: "done", data }),
      (error: unknown) => !controller.signal.aborted && setLoaded({ state: "failed", ...adminFailure(error) }),
    );
    return () => controller.abort();
    // The loader is a fresh closure on every render; the key says when what it loads really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}
