import {
  ZBoothChatPayload,
  ZFloorLanguagePayload,
  ZInterpretationSessionPayload,
  ZInterpretationSyncPayload,
  ZRelayPayload,
  ZSelectChannelPayload,
  ZTogglePayload,
  type TBoothsState,
  type TRelayPayload,
  type TTogglePayload,
} from "@plenary/shared";
import type { Logger } from "pino";
import { can, type PolicyInput } from "../access/policy.ts";
import { AppError } from "../errors.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { acknowledged } from "../realtime/ack.ts";
import type { PlenarySocket } from "../realtime/types.ts";
import { changeBooth, type BoothChange } from "./change-booth.ts";
import { boothRoom, boothsRoom, interpretationRoom, listenersRoom, type InterpretationBroadcaster } from "./interpretation.broadcast.ts";
import { loadSessionRow, loadSnapshot, publicState, rolesOf, type InterpretationStore } from "./interpretation.repository.ts";
import { endListening, recordChannel } from "./listener-records.ts";
import { setFloorLanguage } from "./set-floor-language.ts";

export interface InterpretationHandlerDeps {
  store: InterpretationStore;
  logger: Logger;
  broadcaster: InterpretationBroadcaster;
  limits: { selects: Limiter; signals: Limiter };
}

/**
 * Thin socket handlers for interpretation: validate (acknowledged), ask the policy through the
 * services, fan out, acknowledge. A booth change answers with the booths as they now are, so the
 * interpreter's console and every other console see the same state from the same read.
 */
export function registerInterpretationHandlers(socket: PlenarySocket, deps: InterpretationHandlerDeps): void {
  const { store, logger, broadcaster } = deps;
  const actor = () => ({ userId: socket.data.userId, isOrganiser: socket.data.isOrganiser });
  const listenerKey = `${socket.data.userId}:${socket.id}`;
  /** Booth languages this socket controls, so a disconnect can mark the interpreter absent. */
  const booths = new Map<string, string>();

  async function policyFor(sessionId: string): Promise<PolicyInput & { boothLanguage: string | null }> {
    const [session, held] = await Promise.all([loadSessionRow(store.sql, sessionId), rolesOf(store.sql, sessionId, socket.data.userId)]);
    return { roles: held.roles, status: session.status, isOrganiser: socket.data.isOrganiser, boothLanguage: held.boothLanguage };
  }

  const boothChange =
    <P extends { sessionId: string }>(toChange: (payload: P) => BoothChange) =>
    async (payload: P): Promise<TBoothsState> => {
      await changeBooth({ store, actor: actor(), sessionId: payload.sessionId, change: toChange(payload) });
      return (await broadcaster.publish(payload.sessionId)).booths;
    };

  socket.on(
    "interpretation:sync",
    acknowledged(logger, ZInterpretationSyncPayload, async ({ sessionId, console: isConsole }) => {
      const policy = await policyFor(sessionId);
      if (!can(policy, "interpretation.listen")) throw new AppError("FORBIDDEN", "You cannot listen to this session.");
      await socket.join(interpretationRoom(sessionId));
      const watches = can(policy, "interpretation.watch-booths");
      if (watches) await socket.join(boothsRoom(sessionId));
      if (isConsole && policy.boothLanguage && can(policy, "interpretation.booth")) {
        await socket.join(boothRoom(sessionId, policy.boothLanguage));
        booths.set(sessionId, policy.boothLanguage);
        await changeBooth({ store, actor: actor(), sessionId, change: { kind: "presence", on: true } });
        const { state, booths: all } = await broadcaster.publish(sessionId);
        return { state, booths: all };
      }
      const { state, booths: all } = await broadcaster.read(sessionId);
      return { state, booths: watches ? all : null };
    }),
  );

  socket.on(
    "interpretation:select",
    acknowledged(logger, ZSelectChannelPayload, async ({ sessionId, channel }) => {
      await deps.limits.selects.consume(socket.data.userId);
      const policy = await policyFor(sessionId);
      if (!can(policy, "interpretation.listen")) throw new AppError("FORBIDDEN", "You cannot listen to this session.");
      const [state] = await Promise.all([
        loadSnapshot(store.sql, sessionId).then((snap) => publicState(sessionId, snap)),
        recordChannel(store.sql, { sessionId, listener: { userId: socket.data.userId }, key: listenerKey, channel }),
      ]);
      socket.data.listening = { ...socket.data.listening, [sessionId]: channel };
      await socket.join([interpretationRoom(sessionId), listenersRoom(sessionId)]);
      broadcaster.countsChanged(sessionId);
      return { channel, state };
    }),
  );

  socket.on("interpretation:take", acknowledged(logger, ZInterpretationSessionPayload, boothChange(() => ({ kind: "take" }))));
  socket.on("interpretation:offer", acknowledged(logger, ZInterpretationSessionPayload, boothChange(() => ({ kind: "offer" }))));
  socket.on("interpretation:accept", acknowledged(logger, ZInterpretationSessionPayload, boothChange(() => ({ kind: "accept" }))));
  socket.on("interpretation:release", acknowledged(logger, ZInterpretationSessionPayload, boothChange(() => ({ kind: "release" }))));
  socket.on("interpretation:mic", acknowledged(logger, ZTogglePayload, boothChange((p: TTogglePayload) => ({ kind: "mic", on: p.on }))));
  socket.on("interpretation:cough", acknowledged(logger, ZTogglePayload, boothChange((p: TTogglePayload) => ({ kind: "cough", on: p.on }))));
  socket.on("interpretation:relay", acknowledged(logger, ZRelayPayload, boothChange((p: TRelayPayload) => ({ kind: "relay", source: p.source }))));

  socket.on(
    "interpretation:set-floor-language",
    acknowledged(logger, ZFloorLanguagePayload, async ({ sessionId, language }) => {
      await setFloorLanguage({ store, actor: actor(), sessionId, language });
      return (await broadcaster.publish(sessionId)).state;
    }),
  );

  socket.on(
    "interpretation:slow-down",
    acknowledged(logger, ZInterpretationSessionPayload, async ({ sessionId }) => {
      await deps.limits.signals.consume(socket.data.userId);
      const policy = await policyFor(sessionId);
      if (!policy.boothLanguage || !can(policy, "interpretation.booth")) throw new AppError("FORBIDDEN", "Only interpreters can ask the floor to slow down.");
      const signal = { sessionId, language: policy.boothLanguage as never, fromName: await displayName(), at: new Date().toISOString() };
      socket.to(boothsRoom(sessionId)).emit("interpretation:slow-down-requested", signal);
      return signal;
    }),
  );

  socket.on(
    "interpretation:chat",
    acknowledged(logger, ZBoothChatPayload, async ({ sessionId, text }) => {
      await deps.limits.signals.consume(socket.data.userId);
      const policy = await policyFor(sessionId);
      if (!policy.boothLanguage || !can(policy, "interpretation.booth")) throw new AppError("FORBIDDEN", "Only this booth's interpreters can chat here.");
      const message = { sessionId, language: policy.boothLanguage as never, fromUserId: socket.data.userId, fromName: await displayName(), text, at: new Date().toISOString() };
      socket.to(boothRoom(sessionId, policy.boothLanguage)).emit("interpretation:chat-posted", message);
      return message;
    }),
  );

  async function displayName(): Promise<string> {
    const [row] = await store.sql<{ displayName: string }>(`SELECT "displayName" FROM "User" WHERE id = $1::uuid`, [socket.data.userId]);
    return row?.displayName ?? "";
  }

  socket.on("disconnect", () => {
    const sessions = Object.keys(socket.data.listening ?? {});
    void endListening(store.sql, listenerKey).catch((err: unknown) => logger.warn({ err }, "listener record not closed"));
    for (const sessionId of sessions) broadcaster.countsChanged(sessionId);
    for (const [sessionId, language] of booths) {
      void stillInBooth(sessionId, language)
        .then(async (present) => {
          if (present) return;
          await changeBooth({ store, actor: actor(), sessionId, change: { kind: "presence", on: false } });
          await broadcaster.publish(sessionId);
        })
        .catch((err: unknown) => logger.warn({ err, sessionId }, "booth presence not updated on disconnect"));
    }
  });

  /** Another console of the same interpreter may still be open (a second tab, another api process). */
  async function stillInBooth(sessionId: string, language: string): Promise<boolean> {
    const sockets = await socket.nsp.in(boothRoom(sessionId, language)).fetchSockets();
    return sockets.some((s) => s.data.userId === socket.data.userId && s.id !== socket.id);
  }
}
