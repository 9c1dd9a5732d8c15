/**
 * 扫码登录: a worker with the app signs in at the terminal without typing. The terminal asks for a
 * sign-in and shows its QR code (an address in the worker app with the sign-in's id and a secret);
 * she scans it with her phone, the app shows which station's terminal it is and she confirms; the
 * terminal, asking every two seconds, then gets her a short session as after a phone + code sign-in.
 * The secret travels only in the QR code; a sign-in lasts two minutes and is used once. Her app
 * session must be a worker's of the terminal's city.
 */
import { createHash, randomBytes } from "node:crypto";
import { describeMe } from "../accounts/me.service.ts";
import { startSession } from "../accounts/session.service.ts";
import { inTransaction } from "../db/transaction.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice, SessionUser } from "../platform/http/access.ts";
import { deviceErrors } from "./devices.errors.ts";
import { KIOSK_SESSION_MS } from "./kiosk-people.service.ts";
import * as repo from "./qr-sign-in.repository.ts";

export const QR_SIGN_IN_MS = 2 * 60_000;

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

function terminalOnly(device: RequestDevice): void {
  if (device.kind !== "terminal") throw deviceErrors.terminal_only();
}

/** The terminal asks for a sign-in; the QR code it shows is `url`. */
export async function startQrSignIn(ctx: AppContext, device: RequestDevice) {
  terminalOnly(device);
  const secret = randomBytes(24).toString("base64url");
  const now = ctx.clock.now();
  const row = await repo.insertQrSignIn(ctx.database.db, {
    deviceId: device.id,
    cityCode: device.cityCode,
    secretHash: hash(secret),
    expiresAt: new Date(now.getTime() + QR_SIGN_IN_MS),
    createdAt: now,
  });
  const url = new URL(`${ctx.config.publicUrl}/worker/terminal-sign-in`);
  url.searchParams.set("i", row.id);
  url.searchParams.set("s", secret);
  return { id: row.id, url: url.toString(), expiresAt: row.expiresAt.toISOString() };
}

/** A sign-in the secret opens, still waiting; anything else is "not found" to the asker. */
async function waiting(ctx: AppContext, id: string, secret: string) {
  const row = await repo.findQrSignIn(ctx.database.db, id);
  if (!row || row.secretHash !== hash(secret) || row.expiresAt <= ctx.clock.now())
    throw deviceErrors.qr_sign_in_not_found();
  return row;
}

/** What the app shows before she confirms: which station's terminal asks. */
export async function describeQrSignIn(ctx: AppContext, worker: SessionUser, id: string, secret: string) {
  const row = await waiting(ctx, id, secret);
  if (row.cityCode !== worker.cityCode) throw deviceErrors.qr_sign_in_not_found();
  if (row.userId) throw deviceErrors.qr_sign_in_used();
  const stationName = await repo.stationNameOfDevice(ctx.database.db, row.deviceId);
  return { stationName: stationName ?? "", expiresAt: row.expiresAt.toISOString() };
}

/** She confirms in her app. */
export async function confirmQrSignIn(ctx: AppContext, worker: SessionUser, id: string, secret: string) {
  const row = await waiting(ctx, id, secret);
  if (row.cityCode !== worker.cityCode) throw deviceErrors.qr_sign_in_not_found();
  if (!(await repo.confirmQrSignIn(ctx.database.db, id, worker.id, ctx.clock.now())))
    throw deviceErrors.qr_sign_in_used();
  return { ok: true as const };
}

/** The terminal asks again: still waiting, or signed in (once) with the session it holds in memory. */
export async function claimQrSignIn(ctx: AppContext, device: RequestDevice, id: string) {
  terminalOnly(device);
  const now = ctx.clock.now();
  const row = await repo.findQrSignIn(ctx.database.db, id);
  if (!row || row.deviceId !== device.id || row.expiresAt <= now) throw deviceErrors.qr_sign_in_not_found();
  if (!row.userId) return { status: "waiting" as const };
  const session = await inTransaction(ctx.database.db, async (tx) => {
    const userId = await repo.claimQrSignIn(tx, id, device.id, now);
    if (!userId) throw deviceErrors.qr_sign_in_used();
    return { userId, ...(await startSession(ctx, userId, tx, KIOSK_SESSION_MS)) };
  });
  const me = await describeMe(ctx, session.userId);
  return {
    status: "signed_in" as const,
    person: {
      personToken: session.token,
      expiresAt: session.expiresAt.toISOString(),
      role: "worker" as const,
      displayName: me.displayName,
      hasWorkerProfile: me.hasWorkerProfile,
      hasEmployerProfile: false,
    },
  };
}
