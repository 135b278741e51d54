import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** One panel of {@link SessionTabs}. */
export interface SessionTab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The side panel's tabs (Q&A, speakers, and on a phone the session's details), or, `stacked` on a
 * wide screen where there is room, the panels one under the other. Every panel stays
 * mounted, so a hidden Q&A keeps its draft and its live announcements. Arrow keys move between
 * tabs in reading order (reversed in right-to-left scripts), Home and End jump to the ends.
 */
export function SessionTabs({ tabs, label, stacked = false }: { tabs: readonly SessionTab[]; label: string; stacked?: boolean }) {
  const { i18n } = useTranslation();
  const [wanted, setWanted] = useState(tabs[0]?.id);
  const selected = tabs.some((tab) => tab.id === wanted) ? wanted : tabs[0]?.id;
  const select = (id: string | undefined, focus: boolean) => {
    if (!id) return;
    setWanted(id);
    if (focus) document.getElementById(`session-tab-${id}`)?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const forward = i18n.dir() === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = i18n.dir() === "rtl" ? "ArrowRight" : "ArrowLeft";
    const next = { [forward]: index + 1, [backward]: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length]?.id, true);
  };

  const tabbed = !stacked && tabs.length > 1;
  return (
    <div className={`session-tabs${tabbed ? "" : " session-tabs--stacked"}`}>
      {tabbed && (
        <div className="session-tabs__bar" role="tablist" aria-label={label} onKeyDown={onKey}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              id={`session-tab-${tab.id}`}
              type="button"
              role="tab"
              className="session-tabs__tab"
              aria-selected={tab.id === selected}
              aria-controls={`session-panel-${tab.id}`}
              tabIndex={tab.id === selected ? 0 : -1}
              onClick={() => select(tab.id, false)}
              data-testid={`session-tab-${tab.id}`}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          id={`session-panel-${tab.id}`}
          role={tabbed ? "tabpanel" : undefined}
          aria-labelledby={tabbed ? `session-tab-${tab.id}` : undefined}
          className="session-tabs__panel"
          hidden={tabbed && tab.id !== selected}
          data-testid={`session-panel-${tab.id}`}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
