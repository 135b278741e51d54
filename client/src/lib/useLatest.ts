import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * A ref that always holds the latest `value`, for effects and callbacks that must call the newest
 * handler without re-subscribing. Written after render (layout effect), never during it, so a
 * render that React throws away cannot leave a stale handler behind.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
