// The page's first script. It stays tiny on purpose: a session room starts joining here, before the
// app bundle (React, router, zod, i18n) is evaluated. On a room page the app waits for the LiveKit
// client to finish loading first, so the connection gets the main thread for its start and the
// room is ready when React renders it (about 0.1 s off a join for a few tens of ms of first paint;
// bench/join-time.ts).
import { JoinConnector } from "./features/session/join-connector.ts";
import "./styles/index.css";

const joins = new JoinConnector();
const joining = joins.joinEarly(window.location);
void (joining ?? Promise.resolve()).then(() => import("./app/boot.tsx")).then(({ boot }) => boot(joins));
