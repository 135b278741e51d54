import { ConnectionState, RoomEvent, type Room } from "livekit-client";

// LiveKit reacts to a lost media server only once the browser declares the peer connection
// failed. When the node carrying a room's media dies but the page's signalling runs through
// another node (a cluster behind a balancer), that is some 8–12 s in which the page still said
// "Connected" over silence (e2e/cluster.test.ts). The receiving ICE transport says it earlier
// ("disconnected" after a few seconds without a response), so the page says "Reconnecting" from
// then on and leaves the reconnecting itself to LiveKit.

/** The parts of a Room read here, so the decision can be tested with plain objects. */
export type ReceivingRoom = Pick<Room, "state"> & {
  remoteParticipants: ReadonlyMap<string, { trackPublications: ReadonlyMap<string, { track?: { receiver?: RTCRtpReceiver } }> }>;
};

/** The ICE transport that carries what this page receives (every subscribed track shares it), if any. */
export function receivingTransport(room: ReceivingRoom): RTCIceTransport | undefined {
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.trackPublications.values()) {
      const transport = publication.track?.receiver?.transport?.iceTransport;
      if (transport) return transport;
    }
  }
  return undefined;
}

/** LiveKit's connection state, except that "connected" reads "reconnecting" while media has lost the server. */
export function shownConnectionState(room: ReceivingRoom): ConnectionState {
  if (room.state !== ConnectionState.Connected) return room.state;
  const ice = receivingTransport(room)?.state;
  return ice === "disconnected" || ice === "failed" ? ConnectionState.Reconnecting : room.state;
}

const FOLLOWED = [RoomEvent.ConnectionStateChanged, RoomEvent.TrackSubscribed, RoomEvent.TrackUnsubscribed] as const;

/**
 * Calls `onChange` whenever {@link shownConnectionState} may have changed: the room's state, a
 * track (re)subscribed (a full reconnect brings a new transport) or the transport's ICE state.
 * Returns the function that stops watching.
 */
export function watchShownConnectionState(room: Room, onChange: () => void): () => void {
  let transport: RTCIceTransport | undefined;
  const follow = () => {
    const next = receivingTransport(room);
    if (next !== transport) {
      transport?.removeEventListener("statechange", onChange);
      next?.addEventListener("statechange", onChange);
      transport = next;
    }
    onChange();
  };
  for (const event of FOLLOWED) room.on(event, follow);
  follow();
  return () => {
    for (const event of FOLLOWED) room.off(event, follow);
    transport?.removeEventListener("statechange", onChange);
  };
}
