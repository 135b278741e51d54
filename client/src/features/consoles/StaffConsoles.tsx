import type { TSession } from "@plenary/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useConsoleLabel } from "./useConsoleLabel.ts";
import { useMyConsoles } from "./useMyConsoles.ts";

/**
 * On a session's page, the way in to each console the person works from in this session (stage,
 * moderator, booth, speaker view; the editor for organisers). Nothing for participants.
 */
export function StaffConsoles({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const consoles = useMyConsoles(session);
  const label = useConsoleLabel();
  const titleId = useId();
  if (consoles.length === 0) return null;
  return (
    <nav className="staff-consoles" aria-labelledby={titleId} data-testid="staff-consoles">
      <p id={titleId} className="staff-consoles__title">
        {t("consoles.title")}
      </p>
      <ul className="staff-consoles__list">
        {consoles.map((c) => (
          <li key={c.kind}>
            <Link className="button button--secondary button--small" to={c.path} data-testid={`console-${c.kind}`}>
              {label(c)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
