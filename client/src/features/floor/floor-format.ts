import { ZLanguage, type TLanguage } from "@plenary/shared";
import type { TFunction } from "i18next";
import type en from "../../i18n/locales/en.json";
import type { FloorErrorCode } from "./floor-follower.ts";

/** Where a floor request was made, so one code can be explained in the terms of that action. */
export type FloorContext = "sync" | "request" | "withdraw" | "take" | "yield" | "chair" | "add" | "grant" | "message";

type FloorErrorMessage = keyof typeof en.floor.errors;

const SPECIFIC: Partial<Record<FloorContext, Partial<Record<FloorErrorCode, FloorErrorMessage>>>> = {
  sync: { FORBIDDEN: "notFollowing", UNAUTHENTICATED: "signedOut" },
  request: { SESSION_NOT_OPEN: "notLive", RATE_LIMITED: "requestRateLimited", BAD_REQUEST: "invalidRequest" },
  withdraw: { NOT_FOUND: "nothingToWithdraw" },
  yield: { NOT_FOUND: "nothingToWithdraw" },
  take: { FORBIDDEN: "takenBack", SESSION_NOT_OPEN: "notLive" },
  chair: { CONFLICT: "listChanged", FORBIDDEN: "notChair", NOT_FOUND: "listChanged" },
  grant: { CONFLICT: "listChanged", FORBIDDEN: "notChair", NOT_FOUND: "listChanged", SESSION_NOT_OPEN: "grantNotLive" },
  add: { NOT_FOUND: "noSuchAccount", CONFLICT: "alreadyListed", FORBIDDEN: "notChair", BAD_REQUEST: "invalidAdd" },
  message: { FORBIDDEN: "notChair", NOT_FOUND: "listChanged", BAD_REQUEST: "invalidMessage" },
};

/** The translation key that explains an error code in the context of one floor action. */
export function floorErrorKey(code: FloorErrorCode, context: FloorContext): `floor.errors.${FloorErrorMessage}` | `errors.${FloorErrorCode}` {
  const specific = SPECIFIC[context]?.[code];
  return specific ? `floor.errors.${specific}` : `errors.${code}`;
}

/** A session's languages as the floor contract names them. */
export const floorLanguages = (languages: readonly string[]): TLanguage[] =>
  languages.flatMap((l) => {
    const parsed = ZLanguage.safeParse(l);
    return parsed.success ? [parsed.data] : [];
  });

/** What a person is known to read and speak, most telling first. */
export interface LanguagePreferences {
  /** The language the person reads the interface in now. */
  interfaceLanguage?: string;
  /** The preferred language in the person's profile. */
  preferredLanguage?: string;
}

/**
 * The language a person speaks in by default: the interface language if the session offers it
 * (what they chose to read now says most), else their profile's preferred language if offered,
 * else the session's first language. The preferences are tried in that order, never the
 * session's order, which used to let English win for a French reader with an English profile.
 */
export function preferredFloorLanguage(offered: readonly TLanguage[], { interfaceLanguage, preferredLanguage }: LanguagePreferences): TLanguage {
  return offered.find((l) => l === interfaceLanguage) ?? offered.find((l) => l === preferredLanguage) ?? offered[0] ?? "en";
}

/** An ordinal's grammatical category in a language ("3rd" is `few` in English); translations spell each. */
export type OrdinalCategory = "one" | "two" | "few" | "many" | "other";

/** Which spelling of an ordinal `n` takes in `language`, by the CLDR's ordinal rules. */
export function ordinalCategory(n: number, language: string): OrdinalCategory {
  const category = new Intl.PluralRules(language, { type: "ordinal" }).select(n);
  return category === "zero" ? "other" : category;
}

/** "You are next", "You are 3rd in the speakers' list", or "Your request is with the chair" before the list arrives. */
export function placeText(t: TFunction, position: number | undefined, language: string): string {
  if (position === undefined) return t("floor.positionPending");
  if (position === 1) return t("floor.positionNext");
  return t("floor.position", { place: t(`floor.ordinal.${ordinalCategory(position, language)}`, { n: position }) });
}
