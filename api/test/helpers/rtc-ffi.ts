// Two rtc-node features the SDK has natively but does not export, reached through its own FFI
// client: a local track's mute (what a client's mute button, or a tampered client, sends) and a
// remote publication's enable/disable (livekit-client's RemoteTrackPublication.setEnabled).
import { EnableRemoteTrackPublicationRequest, LocalTrackMuteRequest } from "@livekit/rtc-ffi-bindings";
import type { LocalAudioTrack, RemoteTrackPublication } from "@livekit/rtc-node";

// rtc-node keeps its FFI client on globalThis once a Room exists.
const ffi = () => (globalThis as { _ffiClientInstance?: { request(req: unknown): unknown } })._ffiClientInstance!;

/** Mutes or unmutes a local track and signals the server, as LocalTrackPublication.mute does in other SDKs. */
export function muteLocalTrack(track: LocalAudioTrack, mute: boolean): void {
  ffi().request({ message: { case: "localTrackMute", value: new LocalTrackMuteRequest({ trackHandle: track.ffi_handle.handle, mute }) } });
}

/** Keeps the subscription and asks the SFU to pause or resume forwarding, as livekit-client's setEnabled does. */
export function setPublicationEnabled(publication: RemoteTrackPublication, enabled: boolean): void {
  ffi().request({
    message: { case: "enableRemoteTrackPublication", value: new EnableRemoteTrackPublicationRequest({ trackPublicationHandle: publication.ffiHandle.handle, enabled }) },
  });
}
