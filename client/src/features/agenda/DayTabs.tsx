import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";
import { formatDayTab } from "../../lib/session-time.ts";
import { ScrollRow } from "../../ui/ScrollRow.tsx";

/** Props for {@link DayTabs}. */
export interface DayTabsProps {
  days: readonly string[];
  selected: string | undefined;
  onSelect(day: string): void;
  /** id of the panel the tabs control. */
  panelId: string;
}

/**
 * One tab per event day (WAI-ARIA tabs pattern): arrow keys move between days (mirrored in RTL),
 * Home/End jump to the ends, and only the selected tab is in the tab order. When the days do not
 * fit (a phone), the row scrolls, keeps the selected day in view, and shows at each end that hides
 * days a fade with an arrow that scrolls further.
 */
export function DayTabs({ days, selected, onSelect, panelId }: DayTabsProps) {
  const { t, i18n } = useTranslation();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const row = useRef<HTMLDivElement>(null);
  const selectedIndex = selected ? days.indexOf(selected) : -1;

  useEffect(() => {
    refs.current[selectedIndex]?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectedIndex]);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const rtl = i18n.dir() === "rtl";
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let target: number | undefined;
    if (step !== undefined) target = (index + step + days.length) % days.length;
    else if (e.key === "Home") target = 0;
    else if (e.key === "End") target = days.length - 1;
    if (target === undefined) return;
    e.preventDefault();
    onSelect(days[target]!);
    refs.current[target]?.focus();
  };

  return (
    <ScrollRow row={row} className="day-tabs-scroller" testId="day-tabs">
      <div ref={row} className="day-tabs" role="tablist" aria-label={t("agenda.days")}>
        {days.map((day, index) => {
          const label = formatDayTab(day, intlLocale(i18n.language));
          const isSelected = day === selected;
          return (
            <button
              key={day}
              ref={(el) => {
                refs.current[index] = el;
              }}
              id={`day-tab-${day}`}
              type="button"
              role="tab"
              className="day-tabs__tab"
              aria-selected={isSelected}
              aria-controls={panelId}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(day)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              <span className="day-tabs__weekday">{label.weekday}</span>
              <span className="day-tabs__date">{label.date}</span>
              <span className="visually-hidden">{t("agenda.dayNumber", { n: index + 1 })}</span>
            </button>
          );
        })}
      </div>
    </ScrollRow>
  );
}
