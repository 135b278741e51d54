import type { TInvitationPreview } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";
import { languageName } from "../../lib/languages.ts";
import { Fact, SessionDetails } from "../session/SessionDetails.tsx";

/** What an invitation offers, in full, before anyone accepts it: event, session, role and booth. */
export function InvitationOffer({ offer }: { offer: TInvitationPreview }) {
  const { t, i18n } = useTranslation();
  const { event, session, role, boothLanguage } = offer;
  const expires = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long", timeZone: event.timezone }).format(new Date(offer.expiresAt));
  return (
    <div className="invitation-offer" data-testid="invitation-offer">
      <p className="invitation-offer__role">{t("invitation.offer", { role: t(`staffRoles.${role}`) })}</p>
      <SessionDetails
        session={session}
        timeZone={event.timezone}
        withDay
        heading={
          <h2 className="invitation-offer__session">
            <bdi>{session.title}</bdi>
          </h2>
        }
        facts={
          <>
            <Fact label={t("invitation.event")}>
              <bdi>{event.title}</bdi>
            </Fact>
            <Fact label={t("invitation.role")}>{t(`staffRoles.${role}`)}</Fact>
            {boothLanguage && <Fact label={t("invitation.booth")}>{languageName(boothLanguage, i18n.language)}</Fact>}
          </>
        }
      />
      <p className="invitation-offer__expires">{t("invitation.validUntil", { date: expires })}</p>
    </div>
  );
}
