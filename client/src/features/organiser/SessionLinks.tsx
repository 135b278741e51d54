import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { consolePath } from "../consoles/consoles.ts";

/** From the editor to the session as people see it and to the consoles that run it. */
export function SessionLinks({ session }: { session: Pick<TSession, "id"> }) {
  const { t } = useTranslation();
  const links = [
    { to: `/sessions/${encodeURIComponent(session.id)}`, label: t("organiser.links.sessionPage"), testId: "editor-link-session" },
    { to: consolePath("stage", session.id), label: t("stage.title"), testId: "editor-link-stage" },
    { to: consolePath("moderate", session.id), label: t("qa.console.title"), testId: "editor-link-moderate" },
  ];
  return (
    <nav className="session-links" aria-label={t("organiser.links.label")}>
      <ul>
        {links.map((link) => (
          <li key={link.testId}>
            <Link to={link.to} data-testid={link.testId}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
