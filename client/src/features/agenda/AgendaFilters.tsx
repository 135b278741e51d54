import { SESSION_TYPES } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import type { AgendaFilters as Filters } from "./agenda-filters.ts";

/** Props for {@link AgendaFilters}. */
export interface AgendaFiltersProps {
  filters: Filters;
  onChange(patch: Partial<Filters>): void;
}

/** Type, language and "live now" filters for the agenda. */
export function AgendaFilters({ filters, onChange }: AgendaFiltersProps) {
  const { t } = useTranslation();
  return (
    <form className="agenda-filters" role="search" aria-label={t("agenda.filters")} onSubmit={(e) => e.preventDefault()}>
      <div className="agenda-filters__field">
        <label htmlFor="filter-type">{t("agenda.filterType")}</label>
        <select id="filter-type" value={filters.type ?? ""} onChange={(e) => onChange({ type: (e.target.value || undefined) as Filters["type"] })}>
          <option value="">{t("agenda.allTypes")}</option>
          {SESSION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`sessionTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="agenda-filters__field">
        <label htmlFor="filter-language">{t("agenda.filterLanguage")}</label>
        <LanguageSelect
          id="filter-language"
          value={filters.language ?? ""}
          onChange={(language) => onChange({ language: (language || undefined) as Filters["language"] })}
          firstOption={{ value: "", label: t("agenda.allLanguages") }}
        />
      </div>
      <div className="agenda-filters__toggle">
        <input id="filter-live" type="checkbox" checked={filters.liveNow} onChange={(e) => onChange({ liveNow: e.target.checked })} />
        <label htmlFor="filter-live">{t("agenda.liveNow")}</label>
      </div>
    </form>
  );
}
