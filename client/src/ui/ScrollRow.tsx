import type { ReactNode, RefObject } from "react";
import { useScrollEdges } from "../lib/useScrollEdges.ts";

/** Props for {@link ScrollRow}. */
export interface ScrollRowProps {
  /** The element among `children` that scrolls sideways when its items do not fit. */
  row: RefObject<HTMLElement | null>;
  children: ReactNode;
  className?: string;
  /** Test id of the wrapper; its arrows get `-more-start` and `-more-end` after it. */
  testId?: string;
}

/**
 * Around a row that scrolls sideways when it does not fit (a phone): at each end that hides items,
 * a fade with an arrow pointing on in reading order (mirrored in right-to-left scripts) that
 * scrolls most of a screen further. Pointer help only, hidden from assistive technology: keyboard
 * users move with the arrow keys, and the focused item scrolls into view by itself.
 */
export function ScrollRow({ row, children, className, testId }: ScrollRowProps) {
  const edges = useScrollEdges(row);
  /** Scrolls most of the row's width towards its start (-1) or end (1), in reading order. */
  const scrollTowards = (side: -1 | 1) => {
    const element = row.current;
    if (!element) return;
    const rtl = getComputedStyle(element).direction === "rtl";
    element.scrollBy({ left: side * (rtl ? -1 : 1) * element.clientWidth * 0.7, behavior: "smooth" });
  };
  return (
    <div className={`scroll-row${className ? ` ${className}` : ""}`} data-more-start={edges.start} data-more-end={edges.end} data-testid={testId}>
      <span className="scroll-row__more scroll-row__more--start" aria-hidden="true" onClick={() => scrollTowards(-1)} data-testid={testId && `${testId}-more-start`} />
      {children}
      <span className="scroll-row__more scroll-row__more--end" aria-hidden="true" onClick={() => scrollTowards(1)} data-testid={testId && `${testId}-more-end`} />
    </div>
  );
}
