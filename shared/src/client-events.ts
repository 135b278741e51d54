import type { z } from "zod";
import {
  FLOOR_EVENTS,
  ZFloorAddPayload,
  ZFloorDeclinePayload,
  ZFloorExtendPayload,
  ZFloorMessagePayload,
  ZFloorMutePayload,
  ZFloorRefPayload,
  ZFloorReorderPayload,
  ZFloorRequestPayload,
  ZFloorSessionPayload,
  ZFloorSettingsPayload,
  ZFloorTakePayload,
} from "./floor.types.ts";
import {
  ZBoothChatPayload,
  ZFloorLanguagePayload,
  ZInterpretationSessionPayload,
  ZInterpretationSyncPayload,
  ZRelayPayload,
  ZSelectChannelPayload,
  ZTogglePayload,
} from "./interpretation.types.ts";
import { LISTEN_NAMESPACE, type ListenClientToServerEvents } from "./listen.types.ts";
import {
  PRESENTER_NAMESPACE,
  ZQaAskPayload,
  ZQaEditPayload,
  ZQaLeavePayload,
  ZQaModeratePayload,
  ZQaQuestionRef,
  ZQaSetModePayload,
  ZQaSyncPayload,
  ZQaVotePayload,
} from "./qa.types.ts";
import { type ClientToServerEvents, type PresenterClientToServerEvents, QA_EVENTS, SOCKET_EVENTS, ZSessionJoinPayload } from "./socket.types.ts";

/**
 * The payload schema of every client→server event, at run time. The event maps are types only;
 * this table lets tests walk the whole socket contract (every event is answered, every string a
 * client may send is storable). The `satisfies` clause fails to compile if an event is missing.
 */
export const CLIENT_EVENT_PAYLOADS = {
  [SOCKET_EVENTS.sessionJoin]: ZSessionJoinPayload,
  [SOCKET_EVENTS.sessionLeave]: ZSessionJoinPayload,
  [QA_EVENTS.sync]: ZQaSyncPayload,
  [QA_EVENTS.leave]: ZQaLeavePayload,
  [QA_EVENTS.ask]: ZQaAskPayload,
  [QA_EVENTS.vote]: ZQaVotePayload,
  [QA_EVENTS.edit]: ZQaEditPayload,
  [QA_EVENTS.withdraw]: ZQaQuestionRef,
  [QA_EVENTS.moderate]: ZQaModeratePayload,
  [QA_EVENTS.setMode]: ZQaSetModePayload,
  "interpretation:sync": ZInterpretationSyncPayload,
  "interpretation:select": ZSelectChannelPayload,
  "interpretation:take": ZInterpretationSessionPayload,
  "interpretation:offer": ZInterpretationSessionPayload,
  "interpretation:accept": ZInterpretationSessionPayload,
  "interpretation:release": ZInterpretationSessionPayload,
  "interpretation:mic": ZTogglePayload,
  "interpretation:cough": ZTogglePayload,
  "interpretation:relay": ZRelayPayload,
  "interpretation:set-floor-language": ZFloorLanguagePayload,
  "interpretation:slow-down": ZInterpretationSessionPayload,
  "interpretation:chat": ZBoothChatPayload,
  [FLOOR_EVENTS.sync]: ZFloorSessionPayload,
  [FLOOR_EVENTS.leave]: ZFloorSessionPayload,
  [FLOOR_EVENTS.request]: ZFloorRequestPayload,
  [FLOOR_EVENTS.withdraw]: ZFloorSessionPayload,
  [FLOOR_EVENTS.take]: ZFloorTakePayload,
  [FLOOR_EVENTS.yield]: ZFloorSessionPayload,
  [FLOOR_EVENTS.grant]: ZFloorRefPayload,
  [FLOOR_EVENTS.revoke]: ZFloorRefPayload,
  [FLOOR_EVENTS.decline]: ZFloorDeclinePayload,
  [FLOOR_EVENTS.reorder]: ZFloorReorderPayload,
  [FLOOR_EVENTS.add]: ZFloorAddPayload,
  [FLOOR_EVENTS.extend]: ZFloorExtendPayload,
  [FLOOR_EVENTS.mute]: ZFloorMutePayload,
  [FLOOR_EVENTS.settings]: ZFloorSettingsPayload,
  [FLOOR_EVENTS.message]: ZFloorMessagePayload,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

export type ClientEventName = keyof typeof CLIENT_EVENT_PAYLOADS;

// Compiles only when a list names every event of its namespace's map, and nothing else.
const everyEvent =
  <M>() =>
  <const L extends readonly (keyof M)[]>(list: L & ([Exclude<keyof M, L[number]>] extends [never] ? unknown : never)): L =>
    list;

/** Every client→server event each Socket.IO namespace handles. */
export const CLIENT_EVENTS_BY_NAMESPACE = {
  "/": everyEvent<ClientToServerEvents>()(Object.keys(CLIENT_EVENT_PAYLOADS) as ClientEventName[]),
  [PRESENTER_NAMESPACE]: everyEvent<PresenterClientToServerEvents>()([QA_EVENTS.sync, FLOOR_EVENTS.sync]),
  [LISTEN_NAMESPACE]: everyEvent<ListenClientToServerEvents>()(["interpretation:sync", "interpretation:select"]),
} as const;
