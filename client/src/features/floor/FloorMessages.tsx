import type { TFloorMessage } from "@plenary/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";

/** The chair's messages to this person, newest last, in a log that screen readers announce politely. */
export function FloorMessages({ messages }: { messages: readonly TFloorMessage[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: "2-digit", minute: "2-digit" });
  return (
    // The log stays in the page while empty, so the first message is announced like the others.
    <section className="floor-messages" aria-labelledby={titleId}>
      <h3 id={titleId} className="floor-messages__title" hidden={messages.length === 0}>
        {t("floor.messages.title")}
      </h3>
      <ol className="floor-messages__list" role="log" data-testid="floor-messages">
        {messages.map((m) => (
          <li key={`${m.at}:${m.text}`} className="floor-message">
            <p className="floor-message__text">
              <bdi>{m.text}</bdi>
            </p>
            <p className="floor-message__from">
              <bdi>{m.fromName}</bdi> · <time dateTime={m.at}>{time.format(new Date(m.at))}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
