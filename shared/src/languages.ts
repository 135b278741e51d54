import { z } from "zod";

/** The six official UN languages, in UN order. Codes are ISO 639-1. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export const ZLanguage = z.enum(UN_LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

/** Languages the interface itself is translated into (complete translations only), in UN order. */
export const UI_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export const RTL_LANGUAGES: readonly string[] = ["ar"];
