// The api transport without the contract: no zod, no shared schemas. It is what the first script
// of a page may import (see features/session/join-connector.ts); lib/api.ts checks what it returns.

/** An api response as received, before it is checked against the shared contract. */
export interface RawResponse {
  ok: boolean;
  status: number;
  statusText: string;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
}

/** Options for {@link sendApi}. */
export interface SendOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the api under `/api`, same-origin with the session cookie, and reads the JSON body.
 * Rejects only when the server could not be reached (or the call was aborted).
 */
export async function sendApi(path: string, options: SendOptions = {}): Promise<RawResponse> {
  const response = await fetch(`/api${path}`, {
    method: options.method ?? "GET",
    credentials: "same-origin",
    headers: options.body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, statusText: response.statusText, body };
}
