/**
 * Signing in. Workers and employers: phone number + a one-time code sent by SMS (5 minutes,
 * single use, 5 wrong tries). Staff and admins: username + password. Limits are counted in
 * the database so they hold across instances.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import type { ConsentChannel } from "../db/schema/index.ts";
import type { AppContext } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { type ConsentVersions, consentAtSignIn, recordConsent } from "../privacy/consent.service.ts";
import { accountErrors } from "./accounts.errors.ts";
import {
  consumeOtp,
  countOtpFailure,
  findOrCreatePhoneUser,
  findPhoneUser,
  findUserByUsername,
  insertOtp,
  latestLiveOtp,
  touchSignIn,
  type UserRow,
} from "./accounts.repository.ts";
import { verifyPassword } from "./password.ts";
import { type LimitRule, markSucceeded, reserveAttempt } from "./rate-limit.ts";
import { startSession } from "./session.service.ts";

export const CODE_TTL_SECONDS = 300;
const MAX_CODE_FAILURES = 5;
const MINUTE = 60_000;

/** A phone waits this long between codes; the sign-in screen counts it down. */
export const CODE_RESEND_SECONDS = 60;

/** One code a minute and five an hour to a phone; an address may ask for many phones (a kiosk). */
function codeRules(phone: string, ip: string): LimitRule[] {
  return [
    {
      key: `code:phone:${phone}`,
      max: 1,
      windowMs: CODE_RESEND_SECONDS * 1000,
      refusal: accountErrors.code_requested_too_soon,
    },
    { key: `code:phone:${phone}`, max: 5, windowMs: 60 * MINUTE },
    { key: `code:ip:${ip}`, max: 60, windowMs: 60 * MINUTE },
  ];
}

/**
 * Wrong codes from one address, over any phones: a kiosk sees a few typos, a guesser spreading
 * tries over many phones (each code allows five) sees a wall.
 */
function verifyRules(ip: string): LimitRule[] {
  return [{ key: `verify:ip:${ip}`, max: 20, windowMs: 15 * MINUTE, failuresOnly: true }];
}

/**
 * Wrong passwords lock a name from the address they come from (5 in 15 minutes), so a guesser
 * cannot lock the real user out from her own desk; a slower limit on the name from anywhere
 * (30 an hour, more than one address can reach) stops guessing spread over many addresses.
 * A district office shares one address, so the address itself gets more.
 */
function passwordRules(username: string, ip: string): LimitRule[] {
  return [
    { key: `password:user-ip:${username}|${ip}`, max: 5, windowMs: 15 * MINUTE, failuresOnly: true },
    { key: `password:user:${username}`, max: 30, windowMs: 60 * MINUTE, failuresOnly: true },
    { key: `password:ip:${ip}`, max: 20, windowMs: 15 * MINUTE, failuresOnly: true },
  ];
}

function hashCode(ctx: AppContext, phone: string, code: string): string {
  return createHmac("sha256", ctx.config.otpPepper).update(`${phone}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The code may go back in the response only in demo mode with the logging provider, never with real SMS. */
export function showsDemoCode(ctx: AppContext): boolean {
  return ctx.config.demo && ctx.sms.name === "log";
}

/**
 * Sends a code for signing in to the phone's account in one city; returns it only so the route
 * can show it on a demo sign-in screen.
 */
export async function requestCode(
  ctx: AppContext,
  cityCode: string,
  phone: string,
  ip: string,
): Promise<{ code: string }> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const attempts = await db.transaction(async (tx) => {
    const ids = await reserveAttempt(tx, codeRules(phone, ip), now);
    await insertOtp(tx, {
      cityCode,
      phone,
      codeHash: hashCode(ctx, phone, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      createdAt: now,
    });
    return ids;
  });
  await ctx.sms.send(phone, `【零工市场】您的登录验证码是${code}，5分钟内有效。请勿告诉他人。`, code);
  await markSucceeded(db, attempts);
  return { code };
}

type CheckResult =
  | { ok: true; user: UserRow; session: { token: string; expiresAt: Date } }
  | { ok: false; error: Error };

type PhoneSignInInput = {
  phone: string;
  code: string;
  role: "worker" | "employer";
  consent?: ConsentVersions;
};

/**
 * Where the sign-in happens: the app or portal by default; the self-service terminal records
 * consent for the kiosk channel and gets a session that ends soon (the terminal also ends it
 * when the person leaves).
 */
export type SignInPlace = { channel: ConsentChannel; sessionMs?: number };

/** A phone has one worker and one employer account in each city (a code asked for in one city signs in there). */
export async function signInWithCode(
  ctx: AppContext,
  cityCode: string,
  input: PhoneSignInInput,
  ip: string,
  place?: SignInPlace,
): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
  const now = ctx.clock.now();
  // A wrong code must be counted even though the sign-in fails, so the transaction
  // returns the outcome instead of throwing and rolling the count back.
  const result = await ctx.database.db.transaction(async (tx): Promise<CheckResult> => {
    const attempts = await reserveAttempt(tx, verifyRules(ip), now);
    const checked = await checkCode(ctx, tx, cityCode, input, now, place);
    if (checked.ok) await markSucceeded(tx, attempts);
    return checked;
  });
  if (!result.ok) throw result.error;
  return { ...result.session, user: result.user };
}

/** Checks the code against the phone's live one; a wrong one counts against that code's five tries. */
async function checkCode(
  ctx: AppContext,
  tx: DbOrTx,
  cityCode: string,
  input: PhoneSignInInput,
  now: Date,
  place?: SignInPlace,
): Promise<CheckResult> {
  const otp = await latestLiveOtp(tx, cityCode, input.phone, now);
  if (!otp) return { ok: false, error: accountErrors.code_invalid() };
  if (otp.failedAttempts >= MAX_CODE_FAILURES)
    return { ok: false, error: accountErrors.code_attempts_exceeded() };
  if (!sameHash(otp.codeHash, hashCode(ctx, input.phone, input.code))) {
    await countOtpFailure(tx, otp.id);
    return { ok: false, error: accountErrors.code_invalid() };
  }
  // Consent is settled before the code is used, so the same code signs in once it is given.
  const consent = await consentBeforeSignIn(tx, cityCode, input);
  if (consent instanceof AppError) return { ok: false, error: consent };
  if (!(await consumeOtp(tx, otp.id, now))) return { ok: false, error: accountErrors.code_invalid() };
  const user = await findOrCreatePhoneUser(tx, cityCode, input.role, input.phone, now);
  if (user.status !== "active") return { ok: false, error: accountErrors.account_disabled() };
  if (consent) {
    const channel = place?.channel ?? (input.role === "worker" ? "worker_app" : "employer_portal");
    await recordConsent(tx, { ...consent, userId: user.id, cityCode, channel, at: now });
  }
  await touchSignIn(tx, user.id, now);
  return { ok: true, user, session: await startSession(ctx, user.id, tx, place?.sessionMs) };
}

/** The versions accepted now, null when accepted before, or the `consent_required` refusal. */
async function consentBeforeSignIn(tx: DbOrTx, cityCode: string, input: PhoneSignInInput) {
  const existing = await findPhoneUser(tx, cityCode, input.role, input.phone);
  try {
    return await consentAtSignIn(tx, existing?.id ?? null, input.consent);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

export async function signInWithPassword(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string,
): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const attempts = await db.transaction((tx) => reserveAttempt(tx, passwordRules(input.username, ip), now));
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!ok || !user) throw accountErrors.sign_in_failed();
  await markSucceeded(db, attempts);
  if (user.status !== "active") throw accountErrors.account_disabled();
  // Staff and admins see personal data, so the log shows when and from where each signed in.
  const session = await db.transaction(async (tx) => {
    await touchSignIn(tx, user.id, now);
    await recordAudit(tx, {
      actor: user,
      action: "account.signed_in",
      subjectType: "user",
      subjectId: user.id,
      ip,
      at: now,
    });
    return startSession(ctx, user.id, tx);
  });
  return { ...session, user };
}
