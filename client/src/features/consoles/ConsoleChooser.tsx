import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDisclosure } from "../../lib/useDisclosure.ts";
import { useConsoleLabel } from "./useConsoleLabel.ts";
import { useMyConsoles } from "./useMyConsoles.ts";

/** Props for {@link ConsoleChooser}. */
export interface ConsoleChooserProps {
  session: Pick<TSession, "id" | "status">;
  /** id of the session's title, which names what each button is for. */
  describedBy: string;
}

/**
 * On an agenda card, the way in for staff: one console is a button of its own; a person with
 * several roles in the session picks one from a short list.
 */
export function ConsoleChooser({ session, describedBy }: ConsoleChooserProps) {
  const { t } = useTranslation();
  const consoles = useMyConsoles(session);
  const label = useConsoleLabel();
  const menu = useDisclosure();
  if (consoles.length === 0) return null;
  if (consoles.length === 1) {
    const [only] = consoles;
    return (
      <Link className="button button--secondary" to={only!.path} aria-describedby={describedBy} data-testid={`console-${only!.kind}`}>
        {label(only!)}
      </Link>
    );
  }
  return (
    <div className="console-chooser" {...menu.rootProps}>
      <button type="button" className="button button--secondary" aria-describedby={describedBy} {...menu.buttonProps} data-testid="console-chooser">
        {t("consoles.choose")}
        <span className="console-chooser__chevron" aria-hidden="true" />
      </button>
      <ul id={menu.panelId} className="console-chooser__menu" hidden={!menu.open}>
        {consoles.map((c) => (
          <li key={c.kind}>
            <Link to={c.path} data-testid={`console-${c.kind}`}>
              {label(c)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
