import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { intlLocale } from "../../i18n/index.ts";
import { formatSessionTimes } from "../../lib/session-time.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import type { SessionRowsProps } from "./SessionCards.tsx";
import { StatusActions } from "./StatusActions.tsx";

/** The organiser's sessions on a wide screen: one row each, to compare them at a glance. */
export function SessionTable({ event, sessions, onChanged }: SessionRowsProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t("organiser.tableCaption", { event: event.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organiser.columns.session")}</th>
            <th scope="col">{t("organiser.columns.when")}</th>
            <th scope="col">{t("organiser.columns.room")}</th>
            <th scope="col">{t("organiser.columns.status")}</th>
            <th scope="col">{t("organiser.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const { venue } = formatSessionTimes(session, event.timezone, event.timezone, intlLocale(i18n.language));
            return (
              <tr key={session.id}>
                <th scope="row">
                  <Link to={`/organiser/sessions/${session.id}`}>
                    <bdi>{session.title}</bdi>
                  </Link>
                </th>
                <td>
                  {venue.day} · {venue.range}
                </td>
                <td className="table__nowrap">
                  <bdi>{session.room}</bdi>
                </td>
                <td>
                  <StatusBadge status={session.status} />
                </td>
                <td>
                  <StatusActions session={session} onChanged={onChanged} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
