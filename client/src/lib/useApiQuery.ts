import { useCallback, useEffect, useState } from "react";
import { useLatest } from "./useLatest.ts";
import { type ApiError, toApiError } from "./api.ts";

/** State of a query: the last good data stays visible while a background refresh runs. */
export interface ApiQuery<T> {
  status: "loading" | "success" | "error";
  data: T | undefined;
  error: ApiError | undefined;
  /** Loads again now (e.g. a "Try again" button). */
  reload: () => void;
  /** Replaces the data locally, e.g. with the result of a mutation or a realtime update. */
  setData: (data: T) => void;
}

/**
 * Runs `load` whenever `key` changes (and on `reload`), aborting the previous run.
 * With `refreshMs`, reloads quietly in the background at that interval.
 */
export function useApiQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: { refreshMs?: number } = {}): ApiQuery<T> {
  const loadRef = useLatest(load);
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError; done: boolean }>({ key, done: false });

  useEffect(() => {
    const controller = new AbortController();
    loadRef
      .current(controller.signal)
      .then((data) => setState({ key, data, done: true }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error: toApiError(err), done: true }));
      });
    return () => controller.abort();
  }, [key, nonce, loadRef]);

  useEffect(() => {
    if (!options.refreshMs) return;
    const timer = setInterval(() => setNonce((n) => n + 1), options.refreshMs);
    return () => clearInterval(timer);
  }, [options.refreshMs]);

  const reload = useCallback(() => {
    setState((prev) => ({ ...prev, error: undefined }));
    setNonce((n) => n + 1);
  }, []);
  const setData = useCallback((data: T) => setState({ key, data, done: true }), [key]);
  const current = state.key === key;
  const data = current ? state.data : undefined;
  const error = current && state.data === undefined ? state.error : undefined;
  const status = data !== undefined ? "success" : error ? "error" : "loading";
  return { status, data, error, reload, setData };
}
