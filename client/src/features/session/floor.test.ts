import { Track } from "livekit-client";
import { describe, expect, test } from "vitest";
import { type FloorTrackLike, isFloorParticipant, isOwnVoice, pickFloorAudio, pickFocus, trackKey } from "./floor.ts";

const track = (identity: string, role: string | undefined, source: Track.Source): FloorTrackLike => ({
  participant: { identity, attributes: role ? { "plenary.role": role } : {} },
  source,
});

const stageCam = track("stage", "stage", Track.Source.Camera);
const speakerCam = track("amina", "speaker", Track.Source.Camera);
const moderatorCam = track("mod", "moderator", Track.Source.Camera);
const slides = track("amina", "speaker", Track.Source.ScreenShare);

describe("pickFocus", () => {
  test.each([
    ["nothing published", [], [], undefined, undefined],
    ["a screen share beats every camera", [stageCam, speakerCam, slides], ["mod"], undefined, slides],
    ["the active speaker's camera", [stageCam, speakerCam, moderatorCam], ["mod", "amina"], undefined, moderatorCam],
    ["speakers without a camera are skipped", [stageCam, speakerCam], ["someone", "amina"], undefined, speakerCam],
    ["silence keeps the previous focus", [stageCam, speakerCam], [], trackKey(speakerCam), speakerCam],
    ["otherwise the stage camera", [speakerCam, stageCam], [], undefined, stageCam],
    ["otherwise the first camera", [speakerCam, moderatorCam], [], "gone:camera", speakerCam],
  ])("%s", (_name, tracks, speaking, previous, expected) => {
    expect(pickFocus(tracks, speaking, previous)).toBe(expected);
  });
});

describe("pickFloorAudio", () => {
  const stageMic = track("stage", "stage", Track.Source.Microphone);
  const speakerMic = track("amina", "speaker", Track.Source.Microphone);
  const boothMic = track("interp", "interpreter", Track.Source.Microphone);
  test.each([
    ["prefers the stage desk feed", [speakerMic, stageMic], stageMic],
    ["never an interpreter", [boothMic, speakerMic], speakerMic],
    ["nothing when only booths publish", [boothMic], undefined],
    ["ignores cameras", [stageCam], undefined],
  ])("%s", (_name, tracks, expected) => {
    expect(pickFloorAudio(tracks)).toBe(expected);
  });
});

test.each([
  [{ "plenary.role": "interpreter" }, false],
  [{ "plenary.role": "stage" }, true],
  [{}, true],
])("isFloorParticipant(%j) → %s", (attributes, expected) => {
  expect(isFloorParticipant({ identity: "x", attributes })).toBe(expected);
});

const ME = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
const SOMEONE = "0b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
test.each([
  ["my speaker view, heard from my session page", `${ME}:attendee:session`, `${ME}:speaker:speak`, "speaker", true],
  ["my chair's page", `${ME}:speaker:speak`, `${ME}:moderator:session`, "moderator", true],
  ["my stage desk feed", `${ME}:attendee:session`, `${ME}:stage:stage`, "stage", false],
  ["someone else", `${ME}:attendee:session`, `${SOMEONE}:speaker:speak`, "speaker", false],
  ["a guest listening", "guest-l-1", "guest-l-2", "guest", false],
] as const)("isOwnVoice: %s → %s", (_what, local, remote, role, expected) => {
  expect(isOwnVoice(local, { identity: remote, attributes: { "plenary.role": role } })).toBe(expected);
});
