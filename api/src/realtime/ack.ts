import type { Ack } from "@plenary/shared";
import type { Logger } from "pino";
import type { z } from "zod";
import { AppError, toPublicError } from "../errors.ts";
import { parseInput } from "../lib/validate.ts";

/**
 * Wraps a socket handler so that its payload is validated, its outcome is always acknowledged
 * as `{ data } | { error }`, and nothing thrown can crash the process or leak internals.
 * A client that sends no callback gets nothing back, but the handler still runs safely.
 *
 * Socket.IO passes the acknowledgement as the last argument, wherever it falls: an emit with a
 * callback but no payload (`emitWithAck("qa:sync")`) arrives as `(callback)`. That callback is
 * the ack, not the payload, so it is answered with a BAD_REQUEST for the missing payload.
 */
export function acknowledged<S extends z.ZodType, R>(
  logger: Logger,
  schema: S,
  handler: (payload: z.output<S>) => Promise<R>,
) {
  return async (...args: unknown[]) => {
    const ack = args.at(-1);
    const reply = typeof ack === "function" ? (ack as (r: Ack<R>) => void) : () => undefined;
    const payload = args.length > 0 && args[0] !== ack ? args[0] : undefined;
    try {
      reply({ data: await handler(parseInput(schema, payload)) });
    } catch (err) {
      if (!(err instanceof AppError)) logger.error({ err }, "socket handler failed");
      const { code, message } = toPublicError(err);
      reply({ error: { code, message } });
    }
  };
}
