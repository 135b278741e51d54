import type { RouteObject } from "react-router";
import { ProfilePage } from "./ProfilePage.tsx";

/** The signed-in user's profile. */
export const profileRoutes: RouteObject[] = [{ path: "profile", element: <ProfilePage /> }];
