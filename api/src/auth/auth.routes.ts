import { ZLoginRequest, ZMe, ZRegisterRequest, ZUpdateProfileRequest } from "@plenary/shared";
import type { RequestHandler, Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { readSessionCookie, SESSION_COOKIE } from "../http/middleware.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import { getMe } from "./get-me.ts";
import { loginUser } from "./login-user.ts";
import { logoutUser } from "./logout-user.ts";
import { openLoginSession } from "./open-login-session.ts";
import { registerUser } from "./register-user.ts";
import type { SessionCache } from "./session-cache.ts";
import { updateProfile } from "./update-profile.ts";

/** Accounts and login sessions. `onLogout` ends what the login opened elsewhere (its sockets). */
export function authRoutes(deps: { db: Db; config: Config; limiter: LimiterFactory; sessions: SessionCache; onLogout(token: string, userId: string | undefined): void }): AnyRoute[] {
  const { db, config } = deps;
  const loginByEmail = deps.limiter("login-email", config.rateLimits.loginPer15Min, 15 * 60);
  const loginByIp = deps.limiter("login-ip", config.rateLimits.loginPer15Min * 10, 15 * 60);
  const registerByIp = deps.limiter("register-ip", 20, 3600);
  // Every attempt counts, valid or not, so it is spent before the body is read.
  const limitRegistrations: RequestHandler = async (req, _res, next) => {
    await registerByIp.consume(req.ip ?? "unknown");
    next();
  };

  /** Hands the new login's cookie to the browser and answers with the profile. */
  const signedIn = (res: Response, login: { token: string; expiresAt: Date; userId: string }) => {
    res.cookie(SESSION_COOKIE, login.token, { httpOnly: true, sameSite: "lax", secure: config.cookieSecure, path: "/", expires: login.expiresAt });
    return getMe({ db, userId: login.userId });
  };

  return [
    defineRoute({
      method: "post",
      path: "/auth/register",
      summary: "Create an account and sign in",
      before: [limitRegistrations],
      body: ZRegisterRequest,
      response: ZMe,
      status: 201,
      handle: async ({ body, res }) => {
        const { userId } = await registerUser({ db, input: body });
        return signedIn(res, { ...(await openLoginSession({ db, userId })), userId });
      },
    }),
    defineRoute({
      method: "post",
      path: "/auth/login",
      summary: "Sign in (sets the session cookie)",
      body: ZLoginRequest,
      response: ZMe,
      handle: async ({ body, req, res }) => {
        await Promise.all([loginByIp.consume(req.ip ?? "unknown"), loginByEmail.consume(body.email)]);
        const login = await loginUser({ db, ...body });
        await loginByEmail.reset(body.email);
        return signedIn(res, login);
      },
    }),
    defineRoute({
      method: "post",
      path: "/auth/logout",
      summary: "Sign out",
      handle: async ({ req, res }) => {
        const token = readSessionCookie(req.headers.cookie);
        await logoutUser({ db, token });
        deps.sessions.forget(token);
        if (token) deps.onLogout(token, req.user?.id);
        res.clearCookie(SESSION_COOKIE, { path: "/" });
        res.status(204).end();
      },
    }),
    defineRoute({
      method: "get",
      path: "/me",
      summary: "The signed-in user's profile and roles",
      auth: "user",
      response: ZMe,
      handle: ({ user }) => getMe({ db, userId: user.id }),
    }),
    defineRoute({
      method: "patch",
      path: "/me",
      summary: "Update the profile",
      auth: "user",
      body: ZUpdateProfileRequest,
      response: ZMe,
      handle: ({ user, body }) => updateProfile({ db, userId: user.id, input: body }),
    }),
  ];
}
