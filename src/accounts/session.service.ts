/**
 * Sessions: a random token handed to the client (HTTP-only cookie for browsers,
 * bearer token for API clients); the database keeps only its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { findSession, insertSession, revokeSession } from "./session.repository.ts";
import { forgetSessionsOf, type SessionCache } from "./session-cache.ts";

export const SESSION_COOKIE = "lg_session";
const SESSION_DAYS = 30;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function startSession(
  ctx: AppContext,
  userId: string,
  db: DbOrTx = ctx.database.db,
  lastsMs: number = SESSION_DAYS * 86_400_000,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(ctx.clock.now().getTime() + lastsMs);
  await insertSession(db, hashToken(token), userId, expiresAt);
  return { token, expiresAt };
}

export async function endSession(ctx: AppContext, token: string, userId?: string): Promise<void> {
  await revokeSession(ctx.database.db, hashToken(token), ctx.clock.now());
  if (userId) forgetSessionsOf(ctx.database, userId);
}

/** The account of a session token, if the session still counts (the terminal's person, src/devices). */
export async function userOfToken(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const found = await findSession(ctx.database.db, hashToken(token), ctx.clock.now());
  return found ? { ...found.user } : null;
}

/** The token a request carries: bearer header first, then the cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return request.cookies[SESSION_COOKIE];
}

/** Who sent the request: from this instance's session cache when it may be trusted, else the database. */
export async function userForRequest(
  ctx: AppContext,
  request: FastifyRequest,
  cache?: SessionCache,
): Promise<SessionUser | null> {
  const token = tokenOf(request);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const now = ctx.clock.now();
  const kept = cache?.get(tokenHash, now);
  // A copy: a handler may not change what the next request is told.
  if (kept) return { ...kept };
  const mark = cache?.mark() ?? 0;
  const found = await findSession(ctx.database.db, tokenHash, now);
  if (!found) return null;
  cache?.keep(mark, tokenHash, found.user, found.expiresAt);
  return { ...found.user };
}

function cookieOptions(ctx: AppContext) {
  return { httpOnly: true, sameSite: "lax", secure: ctx.config.secureCookies, path: "/" } as const;
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(ctx), expires: expiresAt });
}

/** Clears the cookie with the flags it was set with, so every browser drops it. */
export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx));
}
