import type { TErrorCode } from "@plenary/shared";

/** HTTP status for each error code; socket acks carry the code alone. */
export const STATUS_BY_CODE: Record<TErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SESSION_NOT_OPEN: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one error type services throw. Its message is safe to show to the caller. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** Maps anything thrown to what a client may see: AppErrors pass through, the rest become INTERNAL. */
export function toPublicError(err: unknown): { code: TErrorCode; message: string; details?: unknown } {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  return { code: "INTERNAL", message: "Something went wrong on our side. Please try again." };
}
