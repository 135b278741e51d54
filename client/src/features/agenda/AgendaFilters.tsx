import { SESSION_TYPES, UN_LANGUAGES } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import type { AgendaFilters as Filters } from "./agenda-filters.ts";

/** Props for {@link AgendaFilters}. */
export interface AgendaFiltersProps {
  filters: Filters;
  onChange(patch: Partial<Filters>): void;
}

/** Type, language and "live now" filters for the agenda. */
export function AgendaFilters({ filters, onChange }: AgendaFiltersProps) {
  const { t, i18n } = useTranslation();
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
        <select
          id="filter-language"
          value={filters.language ?? ""}
          onChange={(e) => onChange({ language: (e.target.value || undefined) as Filters["language"] })}
        >
          <option value="">{t("agenda.allLanguages")}</option>
          {UN_LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {languageName(lang, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="agenda-filters__toggle">
        <input id="filter-live" type="checkbox" checked={filters.liveNow} onChange={(e) => onChange({ liveNow: e.target.checked })} />
        <label htmlFor="filter-live">{t("agenda.liveNow")}</label>
      </div>
    </form>
  );
}
