import { PARTICIPANT_ATTRIBUTES, TRACK_SOURCES, type TGrants, type TTrackSource } from "@plenary/shared";
import { AccessToken, type ParticipantInfo, RoomServiceClient, TrackSource, WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";
import { LRUCache } from "lru-cache";
import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import { lruSettings } from "../lib/cache-options.ts";

const SOURCE_ENUM: Record<TTrackSource, TrackSource> = {
  [TRACK_SOURCES.camera]: TrackSource.CAMERA,
  [TRACK_SOURCES.microphone]: TrackSource.MICROPHONE,
  [TRACK_SOURCES.screenShare]: TrackSource.SCREEN_SHARE,
  [TRACK_SOURCES.screenShareAudio]: TrackSource.SCREEN_SHARE_AUDIO,
};

/** A participant as the floor sees it in LiveKit. */
export interface Presence {
  connected: boolean;
  /** LiveKit lets them publish now. */
  canPublish: boolean;
  /** The role attribute of their token. */
  role: string | undefined;
  /** A microphone of theirs is published and not muted at the SFU. */
  openMicrophone: boolean;
}

/** The participant's microphone tracks the SFU forwards (published and not muted). */
const openMicrophones = (participant: ParticipantInfo | undefined) => (participant?.tracks ?? []).filter((t) => t.source === TrackSource.MICROPHONE && !t.muted);

/** Everything the api asks of LiveKit, behind one interface so tests inject the real or none. */
export interface Livekit {
  enabled: boolean;
  disabledReason?: string;
  serverUrl: string;
  ensureRoom(name: string): Promise<void>;
  /** Signs a join token; `ttlSeconds` shortens the configured lifetime (never lengthens it). */
  signToken(options: { identity: string; name: string; grants: TGrants; attributes: Record<string, string>; ttlSeconds?: number }): Promise<{ token: string; expiresAt: Date }>;
  /** Deletes a room, disconnecting everyone in it (a room that does not exist is fine). */
  closeRoom(name: string): Promise<void>;
  /**
   * Leaves a connected participant able only to listen: LiveKit unpublishes their tracks at once.
   * A participant who is not connected is fine; their next token is decided afresh.
   */
  restrictToListening(room: string, identity: string): Promise<void>;
  /**
   * Mutes (server-side) every microphone track the participant publishes: the SFU stops forwarding
   * them. Returns how many tracks were muted. A participant who is not connected is fine.
   */
  muteMicrophones(room: string, identity: string): Promise<number>;
  /**
   * Lets a connected participant publish `sources` as well as what they already may (the floor
   * given): nothing they were granted is dropped. Returns false when they are not in the room.
   */
  allowPublishing(room: string, identity: string, sources: readonly TTrackSource[]): Promise<boolean>;
  /**
   * Sets a connected participant's publishing back to `sources` (empty: none), which unpublishes
   * anything else at the SFU for everyone, whatever their client does (the floor taken back).
   */
  limitPublishing(room: string, identity: string, sources: readonly TTrackSource[]): Promise<void>;
  /** Whether the participant is connected, whether they may publish now, and whether a microphone of theirs is open at the SFU. */
  presence(room: string, identity: string): Promise<Presence>;
  /** The identities of everyone in the room (none when there is no room). */
  listIdentities(room: string): Promise<string[]>;
  /** Disconnects every participant whose identity starts with `prefix`; returns how many. No room is fine. */
  removeParticipants(room: string, prefix: string): Promise<number>;
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent>;
  ping(): Promise<boolean>;
}

/** A room nobody joined closes after 10 minutes; one everybody left, after 20 seconds. */
const EMPTY_TIMEOUT_S = 10 * 60;
const DEPARTURE_TIMEOUT_S = 20;
/** How long this process trusts that a room it created still exists (see `known` below). */
const KNOWN_TTL_MS = (DEPARTURE_TIMEOUT_S / 2) * 1000;

// RoomService answers "not found" for a room or participant that is not there: nothing to undo.
const isNotFound = (err: unknown) => typeof err === "object" && err !== null && "status" in err && (err as { status: unknown }).status === 404;

export function createLivekit(config: Config["livekit"]): Livekit {
  if (!config.enabled) {
    const off = () => {
      throw new AppError("UNAVAILABLE", `Media is switched off on this server: ${config.reason}`);
    };
    return {
      enabled: false,
      disabledReason: config.reason,
      serverUrl: "",
      ensureRoom: async () => off(),
      signToken: async () => off(),
      // Without media there are no rooms to act on.
      closeRoom: async () => undefined,
      restrictToListening: async () => undefined,
      muteMicrophones: async () => 0,
      allowPublishing: async () => false,
      limitPublishing: async () => undefined,
      presence: async () => ({ connected: false, canPublish: false, role: undefined, openMicrophone: false }),
      listIdentities: async () => [],
      removeParticipants: async () => 0,
      receiveWebhook: async () => off(),
      ping: async () => false,
    };
  }
  const httpUrl = config.url.replace(/^ws/, "http");
  const rooms = new RoomServiceClient(httpUrl, config.apiKey, config.apiSecret);
  const receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  const findParticipant = (room: string, identity: string) =>
    rooms.getParticipant(room, identity).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    });
  const listPresent = (room: string) =>
    rooms.listParticipants(room).catch((err: unknown) => {
      if (isNotFound(err)) return [];
      throw err;
    });
  // Rooms this process created recently; createRoom is idempotent, the cache only saves a round
  // trip. LiveKit deletes a room DEPARTURE_TIMEOUT_S after its last participant leaves, and one it
  // then re-creates on a join would lack these settings, so an entry is trusted for less than that.
  // fetch() also makes concurrent requests for a room share one createRoom.
  const known = new LRUCache<string, true>({
    ...lruSettings({ ttlMs: KNOWN_TTL_MS }, 10_000),
    fetchMethod: async (name): Promise<true> => {
      await rooms.createRoom({ name, emptyTimeout: EMPTY_TIMEOUT_S, departureTimeout: DEPARTURE_TIMEOUT_S });
      return true;
    },
  });

  return {
    enabled: true,
    serverUrl: config.url,
    async ensureRoom(name) {
      const left = known.getRemainingTTL(name);
      if (left > 0) {
        // Still trusted. Past half its time it is re-confirmed in the background (once, however
        // many requests arrive meanwhile), so a busy room's tokens never wait on LiveKit; a failed
        // re-confirmation just lets the entry expire.
        if (left < KNOWN_TTL_MS / 2) void known.fetch(name, { forceRefresh: true, allowStale: true });
        return;
      }
      try {
        await known.fetch(name);
      } catch {
        throw new AppError("UNAVAILABLE", "The media server is not reachable right now. Please try again shortly.");
      }
    },
    async signToken({ identity, name, grants, attributes, ttlSeconds }) {
      const ttl = Math.min(config.tokenTtlSeconds, ttlSeconds ?? Infinity);
      const at = new AccessToken(config.apiKey, config.apiSecret, { identity, name, ttl, attributes });
      at.addGrant({ ...grants, canPublishSources: grants.canPublishSources.map((s) => SOURCE_ENUM[s]) });
      return { token: await at.toJwt(), expiresAt: new Date(Date.now() + ttl * 1000) };
    },
    async closeRoom(name) {
      known.delete(name);
      await rooms.deleteRoom(name).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    },
    async restrictToListening(room, identity) {
      await rooms.updateParticipant(room, identity, { permission: { canSubscribe: true, canPublish: false, canPublishData: false, canUpdateMetadata: false } }).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    },
    async allowPublishing(room, identity, sources) {
      const participant = await findParticipant(room, identity);
      if (!participant) return false;
      const current = participant.permission;
      const merged = new Set([...(current?.canPublishSources ?? []), ...sources.map((s) => SOURCE_ENUM[s])]);
      await rooms
        .updateParticipant(room, identity, { permission: { ...current, canSubscribe: true, canPublish: true, canPublishSources: [...merged] } })
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      return true;
    },
    async limitPublishing(room, identity, sources) {
      const participant = await findParticipant(room, identity);
      if (!participant) return;
      await rooms
        .updateParticipant(room, identity, {
          permission: { ...participant.permission, canPublish: sources.length > 0, canPublishSources: sources.map((s) => SOURCE_ENUM[s]) },
        })
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
    },
    async presence(room, identity) {
      const participant = await findParticipant(room, identity);
      return {
        connected: Boolean(participant),
        canPublish: Boolean(participant?.permission?.canPublish),
        role: participant?.attributes?.[PARTICIPANT_ATTRIBUTES.role],
        openMicrophone: openMicrophones(participant).length > 0,
      };
    },
    async muteMicrophones(room, identity) {
      const participant = await findParticipant(room, identity);
      const microphones = openMicrophones(participant);
      await Promise.all(microphones.map((t) => rooms.mutePublishedTrack(room, identity, t.sid, true)));
      return microphones.length;
    },
    listIdentities: async (room) => (await listPresent(room)).map((p) => p.identity),
    async removeParticipants(room, prefix) {
      const leaving = (await listPresent(room)).filter((p) => p.identity.startsWith(prefix));
      await Promise.all(
        leaving.map((p) =>
          rooms.removeParticipant(room, p.identity).catch((err: unknown) => {
            if (!isNotFound(err)) throw err;
          }),
        ),
      );
      return leaving.length;
    },
    receiveWebhook: (rawBody, authorization) => receiver.receive(rawBody, authorization),
    ping: () => rooms.listRooms([]).then(() => true, () => false),
  };
}
