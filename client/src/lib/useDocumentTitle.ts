import { useEffect } from "react";

/** Sets the tab title to "<page> · Plenary", so each route is identifiable to assistive tech and history. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Plenary` : "Plenary";
  }, [title]);
}
