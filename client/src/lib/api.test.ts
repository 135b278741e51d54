import { ZSession } from "@plenary/shared";
import { describe, expect, it } from "vitest";
import { ApiError, readApiResponse } from "./api.ts";
import type { RawResponse } from "./http.ts";

const raw = (status: number, body: unknown): Promise<RawResponse> => Promise.resolve({ ok: status < 300, status, statusText: `status ${status}`, body });

describe("readApiResponse", () => {
  it("turns an error body into an ApiError with its code and field messages", async () => {
    const err = await readApiResponse(raw(400, { error: { code: "BAD_REQUEST", message: "Bad input", details: { fields: { email: "Required", n: 3 } } } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: "Bad input", status: 400, fields: { email: "Required" } });
  });

  it("reports a body that is not the error contract by its status", async () => {
    await expect(readApiResponse(raw(502, null))).rejects.toMatchObject({ code: "INTERNAL", status: 502 });
    await expect(readApiResponse(raw(404, "<html>"))).rejects.toMatchObject({ code: "BAD_REQUEST", status: 404 });
  });

  it("reports an unreachable server as NETWORK and lets an abort through", async () => {
    await expect(readApiResponse(Promise.reject(new TypeError("Failed to fetch")))).rejects.toMatchObject({ code: "NETWORK", status: 0 });
    await expect(readApiResponse(Promise.reject(new DOMException("aborted", "AbortError")))).rejects.toMatchObject({ name: "AbortError" });
  });

  it("fails loudly when a success body drifts from the contract", async () => {
    await expect(readApiResponse(raw(200, { id: 1 }), ZSession)).rejects.toThrow();
  });
});
