import type { z } from "zod";
import { ApiError } from "./api.ts";

/**
 * Checks form values with the same zod schema the api uses, so most mistakes are shown before a
 * round trip. Returns an ApiError shaped like the api's own 400, or undefined when valid.
 */
export function validateWith(schema: z.ZodType, values: unknown): ApiError | undefined {
  const result = schema.safeParse(values);
  if (result.success) return undefined;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return new ApiError("BAD_REQUEST", "Some fields are missing or invalid.", 400, fields);
}
