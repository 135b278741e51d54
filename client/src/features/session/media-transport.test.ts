import { ConnectionState } from "livekit-client";
import { expect, test } from "vitest";
import { type ReceivingRoom, shownConnectionState } from "./media-transport.ts";

/** A room receiving one track over an ICE transport in `ice` (undefined: nothing received). */
const room = (state: ConnectionState, ice?: RTCIceTransportState): ReceivingRoom => {
  const receiver = ice ? ({ transport: { iceTransport: { state: ice } } } as unknown as RTCRtpReceiver) : undefined;
  const publications = new Map([["TR_floor", { track: receiver ? { receiver } : undefined }]]);
  return { state, remoteParticipants: new Map([["stage", { trackPublications: publications }]]) };
};

test.each([
  ["connected, media flowing", ConnectionState.Connected, "connected", ConnectionState.Connected],
  ["connected, ICE checking (a new transport)", ConnectionState.Connected, "checking", ConnectionState.Connected],
  ["connected, nothing received yet", ConnectionState.Connected, undefined, ConnectionState.Connected],
  ["connected, but the media server stopped answering", ConnectionState.Connected, "disconnected", ConnectionState.Reconnecting],
  ["connected, but the media transport failed", ConnectionState.Connected, "failed", ConnectionState.Reconnecting],
  ["LiveKit already resuming", ConnectionState.SignalReconnecting, "disconnected", ConnectionState.SignalReconnecting],
  ["LiveKit reconnecting", ConnectionState.Reconnecting, "connected", ConnectionState.Reconnecting],
  ["left the room", ConnectionState.Disconnected, "disconnected", ConnectionState.Disconnected],
] as const)("%s", (_name, state, ice, shown) => {
  expect(shownConnectionState(room(state, ice))).toBe(shown);
});
