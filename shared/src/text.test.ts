import { describe, expect, test } from "vitest";
import { z } from "zod";
import * as contract from "./index.ts";
import { CLIENT_EVENT_PAYLOADS } from "./client-events.ts";
import { isStorableText, ZText } from "./text.ts";

const BAD = { nul: "a\u0000b", "lone high surrogate": "x\uD800", "lone low surrogate": "\uDC00x", "reversed pair": "\uDC00\uD800" };

describe("isStorableText", () => {
  test.each(Object.entries(BAD))("refuses a %s", (_name, text) => expect(isStorableText(text)).toBe(false));
  test.each(["", "Geneva", "جنيف", "日内瓦", "emoji 🎤 pair", "tab\tnew\nline", "🎤🎤"])("accepts %j", (text) => expect(isStorableText(text)).toBe(true));
});

/** Every schema node a string sent by a client reaches, with the path that leads to it. */
function stringLeaves(schema: z.ZodType, path: string): [string, z.ZodType][] {
  const def = (schema as z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (child: unknown, at = path) => stringLeaves(child as z.ZodType, at);
  switch (def.type) {
    case "string":
      return [[path, schema]];
    case "pipe": {
      // A pipe fed a string (`ZText.trim().pipe(z.email())`) is tested whole: either end may refuse.
      const input = def.in as z.ZodType;
      return stringLeaves(input, path).some(([at]) => at === path) ? [[path, schema]] : walk(input);
    }
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => walk(child, `${path}.${key}`));
    case "union":
      return (def.options as unknown[]).flatMap((option, i) => walk(option, `${path}|${i}`));
    case "array":
      return walk(def.element, `${path}[]`);
    case "record":
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return walk(def.innerType);
    default:
      return [];
  }
}

// Inputs are named for what they are (ZRegisterRequest, ZAgendaQuery, ZQaAskPayload, ZListenAuth,
// ZQaQuestionRef); the socket table adds every event's payload whatever its name.
const INPUT_NAME = /^Z\w+(Request|Query|Payload|Auth|Ref)$/;
const roots = [
  ...Object.entries(contract).filter(([name, value]) => INPUT_NAME.test(name) && value instanceof z.ZodType),
  ...Object.entries(CLIENT_EVENT_PAYLOADS).map(([event, schema]) => [`event ${event}`, schema]),
] as [string, z.ZodType][];
const leaves = roots.flatMap(([name, schema]) => stringLeaves(schema, name));

describe("every string a client may send refuses NUL and unpaired surrogates", () => {
  test("the walk reaches the whole contract", () => {
    expect(roots.length).toBeGreaterThan(30);
    // A few free-text fields by name, to prove the walk goes through objects, defaults, unions and pipes.
    const paths = leaves.map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(["ZRegisterRequest.displayName", "ZRegisterRequest.email", "ZCreateSessionRequest.description", "ZQaModeratePayload|1.reason", "ZPresenterAuth|0.token", "event interpretation:chat.text"]));
  });

  // Padded to several lengths, so that a length limit cannot be what refuses the string.
  const variants = (text: string) => [3, 15, 40, 150].map((length) => text.padEnd(length, "x"));
  test.each(leaves.flatMap(([path, schema]) => Object.entries(BAD).map(([name, text]) => [path, name, schema, text] as const)))("%s refuses a %s", (_path, _name, schema, text) => {
    for (const variant of variants(text)) expect(schema.safeParse(variant).success).toBe(false);
  });

  test("free text still takes any script, emoji and line breaks", () => {
    expect(ZText.trim().max(100).parse("  Déclaration de Genève 🎤\nجنيف ")).toBe("Déclaration de Genève 🎤\nجنيف");
  });
});
