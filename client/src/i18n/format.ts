/**
 * The locale for `Intl`: English follows UN (and Geneva) usage, day before month and a 24-hour
 * clock, rather than US order. The other five are used as they are.
 */
export const intlLocale = (lang: string): string => (lang === "en" ? "en-GB" : lang);

/** "Arabic, Chinese and French", "阿拉伯语、中文和法语": a list joined as the language joins one. */
export function formatList(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { type: "conjunction" }).format(items);
}
