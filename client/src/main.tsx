// The page's first script. It stays tiny on purpose: a session room starts joining here, before the
// app bundle (React, router, zod, i18n) is evaluated. On a room page the app waits until the room
// has connected (2 s at most): the connection gets the main thread to itself, and the floor player
// that comes with the LiveKit client plays the floor from its first track. That halved the time to
// the first floor audio for about 0.15 s later app rendering; index.html paints the header at once
// meanwhile (bench/join-time.ts).
//
// The interface language's translation (English ships with the app) is fetched alongside, so it is
// ready by the first render and a non-English page costs no extra round trip.
import { JoinConnector } from "./features/session/join-connector.ts";
import { initialLanguage, loadTranslation } from "./i18n/locale-loader.ts";
import "./styles/index.css";

const joins = new JoinConnector();
const joining = joins.joinEarly(window.location);
const language = initialLanguage();
const translation = loadTranslation(language).catch(() => undefined);
void (joining ?? Promise.resolve())
  .then(() => Promise.all([import("./app/boot.tsx"), translation]))
  .then(([{ boot }, loaded]) => boot(joins, { language, translation: loaded }));
