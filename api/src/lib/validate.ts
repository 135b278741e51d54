import { ZUuid } from "@plenary/shared";
import { z } from "zod";
import { AppError } from "../errors.ts";

/** Parses untrusted input, turning zod issues into a 400 with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  throw new AppError("BAD_REQUEST", "Some fields are missing or invalid.", { fields });
}

/** Path parameters of routes under `/sessions/:id`. */
export const ZSessionParams = z.object({ id: ZUuid });
