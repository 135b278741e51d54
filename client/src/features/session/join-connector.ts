import type { TJoinRole, TJoinView } from "@plenary/shared";
import type { Room, RoomOptions } from "livekit-client";
import { type RawResponse, sendApi } from "../../lib/http.ts";
import { audioContext } from "../../lib/audio-level.ts";
import { mediaElementVolumeWorks } from "../../lib/media-volume.ts";
import type { FloorPlayer } from "./floor-player.ts";
import { sessionRoomOf } from "./join-route.ts";

// The app creates one connector in the page's first script (main.tsx), before React, the router,
// zod and i18n have loaded: this module must stay free of them. Responses are kept raw here and
// checked against the contract by whoever takes them (JoinController, useLiveSession).

// Listeners only receive: adaptive stream sizes video to the element, dynacast pauses unused layers.
// The pinned livekit-server (v1.11) has no single-peer-connection signalling; trying it first and
// falling back costs every join an extra signalling round trip.
const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true, singlePeerConnection: false };

/**
 * The room's options in this browser. Where media elements ignore `volume` (iOS Safari), LiveKit
 * plays through Web Audio, whose gains are what apply the floor level under an interpreter and the
 * player's volume, in the page's one AudioContext. Elsewhere playback stays on media elements: Chromium's echo canceller does not
 * see Web Audio output (crbug.com/687574), and a delegate given the floor speaks from this page
 * while it plays the room.
 */
export const roomOptions = (elementVolumeWorks = mediaElementVolumeWorks()): RoomOptions => ({
  ...ROOM_OPTIONS,
  // The page's own context, so the page can tell when it is held back (see usePlayback).
  webAudioMix: elementVolumeWorks ? false : { audioContext: audioContext() },
});

// How long the app waits for a session room's first connection before it runs anyway (a slow or
// failing connection must not keep the page blank).
const APP_WAITS_MS = 2_000;

// A join prepared at navigation lives until the page takes it; one nobody takes (the user left at
// once) is disconnected so it does not linger in the room as a ghost listener.
const UNCLAIMED_TTL_MS = 30_000;

/** What the room's connection needs, loaded after the first script: the LiveKit client and the floor player. */
interface RoomClient {
  livekit: typeof import("livekit-client");
  FloorPlayer: new (room: Room) => FloorPlayer;
}

/** The views whose page plays the floor as it is (the booth and the listen page mix their own). */
const FLOOR_VIEWS: ReadonlySet<TJoinView> = new Set(["session", "speak"]);

/** The token response and, when it granted access, a room already connecting with it. */
export interface PreparedJoin {
  response: RawResponse;
  room?: Room;
  /** Settles when the room's first connection does; rejects with LiveKit's reason when it fails. */
  connected?: Promise<void>;
}

const loadRoomClient = async (): Promise<RoomClient> => {
  const [livekit, { FloorPlayer }] = await Promise.all([import("livekit-client"), import("./floor-player.ts")]);
  return { livekit, FloorPlayer };
};

/** Dependencies, injectable for tests. */
export interface JoinConnectorDeps {
  send?: typeof sendApi;
  loadRoomClient?: () => Promise<RoomClient>;
}

const connectable = (body: unknown): body is { serverUrl: string; token: string } =>
  typeof body === "object" && body !== null && typeof (body as { serverUrl?: unknown }).serverUrl === "string" && typeof (body as { token?: unknown }).token === "string";

/**
 * The one way into a session's room: asks the api for a fresh token and, when it is granted, opens
 * the LiveKit room with it. A join can be prepared ahead (by the page's first script and by the
 * route loader, in parallel with downloading and rendering the page) and is then taken by the
 * page's JoinController; every later (re)join asks afresh. This is what keeps "open the page →
 * hear the floor" short (bench/join-time.ts).
 */
export class JoinConnector {
  /** Joins started ahead, by session, role and view, until the page takes them. */
  private readonly prepared = new Map<string, { join: Promise<PreparedJoin>; view: TJoinView }>();
  private readonly sessions = new Map<string, Promise<RawResponse>>();
  private readonly send: typeof sendApi;
  private client: Promise<RoomClient> | undefined;
  private readonly floors = new WeakMap<Room, FloorPlayer>();

  constructor(private readonly deps: JoinConnectorDeps = {}) {
    this.send = deps.send ?? sendApi;
  }

  /**
   * Run by the page's first script: when the page is a session room opened as an attendee, the
   * token, the LiveKit client and the room connection start now instead of after the app bundle.
   * Staff views (`?as=`) are left to the route loader, which validates the role. Returns, for a
   * room page, a promise the app waits for before it runs: settled once the room has connected
   * (or failed to), or after {@link APP_WAITS_MS} at most; never rejected. Signalling, ICE and
   * DTLS run on the main thread, and evaluating and rendering the app at the same moment doubled
   * the time to the first floor audio (bench/join-time.ts); the floor player plays it without React.
   */
  joinEarly(location: Pick<Location, "pathname" | "search">): Promise<unknown> | undefined {
    const target = sessionRoomOf(location);
    if (!target || target.as !== null) return undefined;
    const join = this.prepare(target.sessionId, "attendee");
    const connected = join.then((prepared) => prepared.connected).catch(() => undefined);
    return Promise.race([connected, new Promise((resolve) => setTimeout(resolve, APP_WAITS_MS))]);
  }

  /** Starts the session, a token and the room connection for a page about to open (the same join when started). */
  prepare(sessionId: string, role: TJoinRole, view: TJoinView = "session"): Promise<PreparedJoin> {
    const key = `${sessionId}:${role}:${view}`;
    let join = this.prepared.get(key)?.join;
    if (!join) {
      const started = (join = this.start(sessionId, role, view));
      this.prepared.set(key, { join: started, view });
      setTimeout(() => {
        if (this.prepared.get(key)?.join !== started) return;
        this.prepared.delete(key);
        void started.then(({ room }) => room?.disconnect(), () => undefined);
      }, UNCLAIMED_TTL_MS);
    }
    if (!this.sessions.has(sessionId)) {
      const session = this.send(`/sessions/${encodeURIComponent(sessionId)}`);
      session.catch(() => undefined);
      this.sessions.set(sessionId, session);
    }
    return join;
  }

  /**
   * The player of a room's floor, made with the room so the floor plays and is metered from its
   * first track, however long React takes to render (undefined for views that mix their own).
   */
  floorPlayer(room: Room): FloorPlayer | undefined {
    return this.floors.get(room);
  }

  /** The prepared join for this page when there is one, else a fresh one; the caller owns its room. */
  join(sessionId: string, role: TJoinRole, view: TJoinView = "session"): Promise<PreparedJoin> {
    const key = `${sessionId}:${role}:${view}`;
    const prepared = this.prepared.get(key);
    this.prepared.delete(key);
    return prepared?.join ?? this.start(sessionId, role, view);
  }

  /** The session response fetched at navigation time, if any (taken once; later loads fetch afresh). */
  takeSession(sessionId: string): Promise<RawResponse> | undefined {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    return session;
  }

  /**
   * Asks the api for a fresh LiveKit token for the session in `role` from `view` (the one place that
   * knows how). The view gives the connection its own identity, so this page does not push the same
   * person's other pages out of the room.
   */
  requestToken(sessionId: string, role: TJoinRole, view: TJoinView = "session"): Promise<RawResponse> {
    return this.send(`/sessions/${encodeURIComponent(sessionId)}/token`, { method: "POST", body: { role, view } });
  }

  private loadRoomClient(): Promise<RoomClient> {
    this.client ??= (this.deps.loadRoomClient ?? loadRoomClient)().then((client) => (performance.mark("plenary:livekit-loaded"), client));
    return this.client;
  }

  private start(sessionId: string, role: TJoinRole, view: TJoinView): Promise<PreparedJoin> {
    const token = this.requestToken(sessionId, role, view).then((response) => (performance.mark("plenary:token"), response));
    const client = this.loadRoomClient();
    const join = token.then(async (response): Promise<PreparedJoin> => {
      // Only a granted token is worth connecting with; refusals are read by the JoinController.
      if (!response.ok || !connectable(response.body)) return { response };
      const { livekit: lk, FloorPlayer } = await client;
      const room = new lk.Room(roomOptions());
      if (FLOOR_VIEWS.has(view)) this.floors.set(room, new FloorPlayer(room));
      // User-timing marks make the join's stages visible in DevTools and to bench/join-time.ts.
      room.once(lk.RoomEvent.SignalConnected, () => performance.mark("plenary:signal-connected"));
      room.once(lk.RoomEvent.Connected, () => performance.mark("plenary:room-connected"));
      room.once(lk.RoomEvent.TrackSubscribed, () => performance.mark("plenary:first-track"));
      performance.mark("plenary:connect-start");
      const connected = room.connect(response.body.serverUrl, response.body.token);
      connected.catch(() => undefined);
      return { response, room, connected };
    });
    join.catch(() => undefined);
    return join;
  }
}
