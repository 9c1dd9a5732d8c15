/**
 * Signing in. Workers and employers: phone number + a one-time code sent by SMS (5 minutes,
 * single use, 5 wrong tries). Staff and admins: username + password. Limits are counted in
 * the database so they hold across instances.
 */
import { createHash, randomInt } from "node:crypto";
import type { AppContext } from "../platform/context.ts";
import { accountErrors } from "./accounts.errors.ts";
import {
  consumeOtp,
  countOtpFailure,
  findOrCreatePhoneUser,
  findUserByUsername,
  insertOtp,
  latestLiveOtp,
  touchSignIn,
  type UserRow,
} from "./accounts.repository.ts";
import { verifyPassword } from "./password.ts";
import { enforceLimits, recordAttempts } from "./rate-limit.ts";
import { startSession } from "./session.service.ts";

const CODE_TTL_MS = 5 * 60_000;
const MAX_CODE_FAILURES = 5;
const MINUTE = 60_000;

function hashCode(phone: string, code: string): string {
  return createHash("sha256").update(`linggong-otp:${phone}:${code}`).digest("hex");
}

/** Sends a code; returns it only so the demo screen (and the caller's logic) can decide to show it. */
export async function requestCode(ctx: AppContext, phone: string, ip: string): Promise<{ code: string }> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const phoneKey = `code:phone:${phone}`;
  const ipKey = `code:ip:${ip}`;
  await enforceLimits(
    db,
    [
      { key: phoneKey, max: 1, windowMs: MINUTE },
      { key: phoneKey, max: 5, windowMs: 60 * MINUTE },
      { key: ipKey, max: 30, windowMs: 60 * MINUTE },
    ],
    now,
  );
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.transaction(async (tx) => {
    await insertOtp(tx, {
      cityCode: ctx.config.defaultCityCode,
      phone,
      codeHash: hashCode(phone, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    });
    await recordAttempts(tx, [phoneKey, ipKey], true, now);
  });
  await ctx.sms.send(phone, `【零工市场】您的登录验证码是${code}，5分钟内有效。请勿告诉他人。`, code);
  return { code };
}

type CheckResult = { ok: true; user: UserRow } | { ok: false; error: Error };

export async function signInWithCode(
  ctx: AppContext,
  input: { phone: string; code: string; role: "worker" | "employer" },
): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
  const now = ctx.clock.now();
  const cityCode = ctx.config.defaultCityCode;
  // A wrong code must be counted even though the sign-in fails, so the transaction
  // returns the outcome instead of throwing and rolling the count back.
  const result = await ctx.database.db.transaction(async (tx): Promise<CheckResult> => {
    const otp = await latestLiveOtp(tx, cityCode, input.phone, now);
    if (!otp) return { ok: false, error: accountErrors.code_invalid() };
    if (otp.failedAttempts >= MAX_CODE_FAILURES)
      return { ok: false, error: accountErrors.code_attempts_exceeded() };
    if (otp.codeHash !== hashCode(input.phone, input.code)) {
      await countOtpFailure(tx, otp.id);
      return { ok: false, error: accountErrors.code_invalid() };
    }
    if (!(await consumeOtp(tx, otp.id, now))) return { ok: false, error: accountErrors.code_invalid() };
    const user = await findOrCreatePhoneUser(tx, cityCode, input.role, input.phone, now);
    await touchSignIn(tx, user.id, now);
    return { ok: true, user };
  });
  if (!result.ok) throw result.error;
  if (result.user.status !== "active") throw accountErrors.account_disabled();
  const session = await startSession(ctx, result.user.id);
  return { ...session, user: result.user };
}

export async function signInWithPassword(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string,
): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const keys = [`password:user:${input.username}`, `password:ip:${ip}`];
  await enforceLimits(
    db,
    keys.map((key) => ({ key, max: 5, windowMs: 15 * MINUTE, failuresOnly: true })),
    now,
  );
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  await recordAttempts(db, keys, ok, now);
  if (!ok || !user) throw accountErrors.sign_in_failed();
  if (user.status !== "active") throw accountErrors.account_disabled();
  await touchSignIn(db, user.id, now);
  const session = await startSession(ctx, user.id);
  return { ...session, user };
}
