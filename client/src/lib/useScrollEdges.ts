import { type RefObject, useEffect, useState } from "react";

/** Whether a horizontally scrolling row has more content before its start and after its end. */
export interface ScrollEdges {
  start: boolean;
  end: boolean;
}

/**
 * Follows which ends of a scrolling row hide content, in either reading direction: in a
 * right-to-left row the browser counts `scrollLeft` from 0 down to negative values.
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ start: false, end: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const scrolled = Math.abs(element.scrollLeft);
      const start = scrolled > 1;
      const end = scrolled + element.clientWidth < element.scrollWidth - 1;
      setEdges((e) => (e.start === start && e.end === end ? e : { start, end }));
    };
    // A ResizeObserver reports once on observe, so the first measure needs no call of its own.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, [ref]);
  return edges;
}
