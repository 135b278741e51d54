import { z } from "zod";

// A high surrogate without a low one after it, or a low surrogate without a high one before it.
// No lookbehind: the client validates its forms with these schemas, in browsers that may lack it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored and passed on unchanged. PostgreSQL's text type refuses NUL, and
 * an unpaired UTF-16 surrogate has no UTF-8 encoding (Prisma fails on it; a CSV or calendar file
 * would carry a replacement character instead).
 */
export const isStorableText = (text: string): boolean => !text.includes("\u0000") && !LONE_SURROGATE.test(text);

/**
 * The one string schema every free-text field a client sends is built on (REST bodies, socket
 * payloads, handshakes): `ZText.trim().max(100)`. Formats such as uuid or email refuse these
 * characters on their own; free text needs this refinement.
 */
export const ZText = z.string().refine(isStorableText, "must not contain NUL or unpaired surrogate characters");
