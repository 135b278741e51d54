import { type TErrorCode, ZErrorBody } from "@plenary/shared";
import type { z } from "zod";
import { type RawResponse, sendApi } from "./http.ts";

/** A failed api call: the api's error code, its message, and per-field problems when a form was invalid. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: TErrorCode | "NETWORK",
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Options for {@link apiRequest}. */
export interface ApiRequestOptions<S extends z.ZodType | undefined> {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** Schema the response body must satisfy; omit for endpoints that answer 204. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : void;

const fieldsOf = (details: unknown): Record<string, string> => {
  if (typeof details !== "object" || details === null || !("fields" in details)) return {};
  const fields = (details as { fields: unknown }).fields;
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
};

/**
 * Checks a response against the shared contract: success bodies are parsed with the zod schema,
 * so a contract drift fails loudly here, and error bodies become an {@link ApiError}. Takes the
 * pending response, so a request started early (features/session/join-connector.ts) is read the same way.
 */
export async function readApiResponse<S extends z.ZodType | undefined = undefined>(pending: Promise<RawResponse>, schema?: S): Promise<Result<S>> {
  let response: RawResponse;
  try {
    response = await pending;
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError("NETWORK", "The server could not be reached.", 0);
  }
  if (!response.ok) {
    const parsed = ZErrorBody.safeParse(response.body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(code, message, response.status, fieldsOf(details));
    }
    throw new ApiError(response.status >= 500 ? "INTERNAL" : "BAD_REQUEST", response.statusText, response.status);
  }
  if (!schema) return undefined as Result<S>;
  return schema.parse(response.body) as Result<S>;
}

/** Calls the api under `/api` (see {@link sendApi}) and checks the answer with {@link readApiResponse}. */
export const apiRequest = <S extends z.ZodType | undefined = undefined>(path: string, options: ApiRequestOptions<S> = {}): Promise<Result<S>> =>
  readApiResponse(sendApi(path, options), options.schema);

/** Narrows an unknown error to an {@link ApiError}, wrapping anything else as INTERNAL. */
export const toApiError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError("INTERNAL", err instanceof Error ? err.message : String(err), 0);
