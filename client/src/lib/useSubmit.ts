import { useCallback, useRef, useState } from "react";
import { useLatest } from "./useLatest.ts";
import { type ApiError, toApiError } from "./api.ts";

/** State of a form submission or other user-triggered api call. */
export interface Submission<A extends unknown[], R> {
  /** Runs the action; resolves with its result, or undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  setError: (error: ApiError | undefined) => void;
}

/** Wraps a user action so the component gets `pending` and a typed `error` and never double-submits. */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>): Submission<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const busy = useRef(false);
  const actionRef = useLatest(action);

  const run = useCallback(async (...args: A) => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    setError(undefined);
    try {
      return await actionRef.current(...args);
    } catch (err) {
      setError(toApiError(err));
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, [actionRef]);

  return { run, pending, error, setError };
}
