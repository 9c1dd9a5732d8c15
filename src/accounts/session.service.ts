/**
 * Sessions: a random token handed to the client (HTTP-only cookie for browsers,
 * bearer token for API clients); the database keeps only its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DbOrTx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { findSessionUser, insertSession, revokeSession } from "./session.repository.ts";

export const SESSION_COOKIE = "lg_session";
const SESSION_DAYS = 30;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function startSession(
  ctx: AppContext,
  userId: string,
  db: DbOrTx = ctx.database.db,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, hashToken(token), userId, expiresAt);
  return { token, expiresAt };
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await revokeSession(ctx.database.db, hashToken(token), ctx.clock.now());
}

/** The token a request carries: bearer header first, then the cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return request.cookies[SESSION_COOKIE];
}

export async function userForRequest(ctx: AppContext, request: FastifyRequest): Promise<SessionUser | null> {
  const token = tokenOf(request);
  if (!token) return null;
  return findSessionUser(ctx.database.db, hashToken(token), ctx.clock.now());
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
