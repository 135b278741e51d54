/**
 * Wraps text taken from data (a session's title) in Unicode first-strong isolates before it goes
 * into a translated sentence, as <bdi> does in markup: an English title inside an Arabic question
 * then keeps its own direction and leaves the sentence's punctuation where it belongs.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
