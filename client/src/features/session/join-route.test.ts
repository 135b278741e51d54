import { expect, test } from "vitest";
import { sessionRoomOf } from "./join-route.ts";

test.each([
  ["/sessions/abc", "", { sessionId: "abc", as: null }],
  ["/sessions/abc/", "", { sessionId: "abc", as: null }],
  ["/sessions/a%20b", "", { sessionId: "a b", as: null }],
  ["/sessions/abc", "?lang=fr", { sessionId: "abc", as: null }],
  ["/sessions/abc", "?as=speaker", { sessionId: "abc", as: "speaker" }],
  ["/", "", undefined],
  ["/sessions", "", undefined],
  ["/sessions/abc/moderate", "", undefined],
  ["/sessions/abc/presenter", "", undefined],
  ["/sessions/%E0%A4%A", "", undefined],
  ["/organiser/sessions/abc", "", undefined],
])("sessionRoomOf(%s%s) → %j", (pathname, search, target) => {
  expect(sessionRoomOf({ pathname, search })).toEqual(target);
});
