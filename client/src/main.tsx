// The page's first script. It stays tiny on purpose: a session room starts joining here, while the
// app bundle (React, router, zod, i18n) is still downloading and evaluating (bench/join-time.ts).
import { joinEarly } from "./features/session/early-join.ts";
import "./styles/index.css";

joinEarly(window.location);
void import("./app/boot.tsx");
