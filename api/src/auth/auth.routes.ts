import { ZLoginRequest, ZMe, ZRegisterRequest, ZUpdateProfileRequest } from "@plenary/shared";
import type { RequestHandler, Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { clientAddress, readCookie, readSessionCookie, SESSION_COOKIE } from "../http/middleware.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import { API_PREFIX } from "../openapi/openapi.ts";
import { getMe } from "./get-me.ts";
import { createLoginThrottle, DEVICE_TTL_SECONDS } from "./login-throttle.ts";
import { loginUser } from "./login-user.ts";
import { logoutUser } from "./logout-user.ts";
import { openLoginSession } from "./open-login-session.ts";
import { registerUser } from "./register-user.ts";
import type { SessionCache } from "./session-cache.ts";
import { updateProfile } from "./update-profile.ts";

/** Marks a browser that has signed in before, so that the login throttle knows the owner's own devices. */
const DEVICE_COOKIE = "plenary_device";

/** Accounts and login sessions. `onLogout` ends what the login opened elsewhere (its sockets). */
export function authRoutes(deps: { db: Db; config: Config; limiter: LimiterFactory; sessions: SessionCache; onLogout(token: string, userId: string | undefined): void }): AnyRoute[] {
  const { db, config } = deps;
  const logins = createLoginThrottle(deps.limiter, { perAddress: config.rateLimits.loginPer15Min });
  const registerByAddress = deps.limiter("register-address", config.rateLimits.registrationsPerHour, 3600);
  // Every attempt counts, valid or not, so it is spent before the body is read. A taken email is
  // answered 409, so this budget is also what limits testing which emails have accounts.
  const limitRegistrations: RequestHandler = async (req, _res, next) => {
    await registerByAddress.consume(clientAddress(req));
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
        const attempt = await logins.admit({ email: body.email, address: clientAddress(req), device: readCookie(req.headers.cookie, DEVICE_COOKIE) });
        const login = await loginUser({ db, ...body }).catch(async (err: unknown) => {
          if (err instanceof AppError && err.code === "UNAUTHENTICATED") await attempt.failed();
          throw err;
        });
        const device = await attempt.succeeded();
        const me = signedIn(res, login);
        // After the session cookie, which scripts reading the first Set-Cookie expect. It goes back
        // to the login route only, and says nothing but "signed in to this account here before".
        res.cookie(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "strict", secure: config.cookieSecure, path: `${API_PREFIX}/auth/login`, maxAge: DEVICE_TTL_SECONDS * 1000 });
        return me;
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
