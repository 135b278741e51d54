import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PLAYER_SHORTCUTS } from "./player-controller.ts";

/** The player's keyboard shortcuts, in a modal dialog (Escape or the button closes it; focus returns). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-dialog">
      <h2 id="shortcuts-title">{t("player.shortcuts.title")}</h2>
      <dl className="shortcuts-dialog__list">
        {PLAYER_SHORTCUTS.map(({ action, keys }) => (
          <div key={action}>
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(`player.shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t("player.shortcuts.hint")}</p>
      <form method="dialog">
        <button type="submit" className="button button--primary" autoFocus>
          {t("player.shortcuts.close")}
        </button>
      </form>
    </dialog>
  );
}
