import { ZLoginRequest, ZRegisterRequest, ZUpdateProfileRequest } from "@plenary/shared";
import { Router, type Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { readSessionCookie, requireUser, SESSION_COOKIE } from "../http/middleware.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import { parseInput } from "../lib/validate.ts";
import type { SessionCache } from "./session-cache.ts";
import { getMe, loginUser, logoutUser, openLoginSession, registerUser, updateProfile } from "./auth.service.ts";

/** `onLogout` ends what the login opened elsewhere (its sockets). */
export function authRoutes(deps: { db: Db; config: Config; limiter: LimiterFactory; sessions: SessionCache; onLogout(token: string): void }): Router {
  const { db, config } = deps;
  const router = Router();
  const loginByEmail = deps.limiter("login-email", config.rateLimits.loginPer15Min, 15 * 60);
  const loginByIp = deps.limiter("login-ip", config.rateLimits.loginPer15Min * 10, 15 * 60);
  const registerByIp = deps.limiter("register-ip", 20, 3600);

  const setCookie = (res: Response, token: string, expiresAt: Date) =>
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: config.cookieSecure, path: "/", expires: expiresAt });

  router.post("/auth/register", async (req, res) => {
    await registerByIp.consume(req.ip ?? "unknown");
    const input = parseInput(ZRegisterRequest, req.body);
    const { userId } = await registerUser(db, input);
    const { token, expiresAt } = await openLoginSession(db, userId);
    setCookie(res, token, expiresAt);
    res.status(201).json(await getMe(db, userId));
  });

  router.post("/auth/login", async (req, res) => {
    const input = parseInput(ZLoginRequest, req.body);
    await Promise.all([loginByIp.consume(req.ip ?? "unknown"), loginByEmail.consume(input.email)]);
    const { token, expiresAt, userId } = await loginUser(db, input);
    await loginByEmail.reset(input.email);
    setCookie(res, token, expiresAt);
    res.json(await getMe(db, userId));
  });

  router.post("/auth/logout", async (req, res) => {
    const token = readSessionCookie(req.headers.cookie);
    await logoutUser(db, token);
    deps.sessions.forget(token);
    if (token) deps.onLogout(token);
    res.clearCookie(SESSION_COOKIE, { path: "/" });
    res.status(204).end();
  });

  router.get("/me", requireUser, async (req, res) => {
    res.json(await getMe(db, req.user!.id));
  });

  router.patch("/me", requireUser, async (req, res) => {
    res.json(await updateProfile(db, req.user!.id, parseInput(ZUpdateProfileRequest, req.body)));
  });

  return router;
}
