/**
 * The delivery loop: sends the outbox's SMS and voice calls. Any instance may run it.
 *
 * Exactly once towards the phone, even if an instance is killed mid-batch:
 *  1. claim — in a short transaction, lock due rows (`for update skip locked`), mark them
 *     `sending` with a lease and count the attempt, commit;
 *  2. send each with the row's id as the gateway's out-id;
 *  3. mark it `sent` (or `failed` with a backoff, or `dead`), only if the claim is still ours.
 * An instance that dies after 1 leaves rows `sending`; when the lease runs out another instance
 * claims them again and resends with the same out-id, which the gateway drops if the first send
 * got through. Nothing is lost (the row stays until marked sent) and nothing reaches a phone twice.
 *
 * Before sending, quiet hours hold non-urgent messages until morning, and a person past the
 * city's daily SMS limit is not sent more (the row is marked `suppressed`; the app still shows it).
 */
import type { Tx } from "../db/client.ts";
import { AliyunError } from "../platform/aliyun-rpc.ts";
import type { AppContext } from "../platform/context.ts";
import type { SmsProvider } from "../platform/sms.ts";
import * as repo from "./delivery.repository.ts";
import {
  afterFailure,
  localDayStart,
  MAX_ATTEMPTS,
  type MessageRules,
  quietUntil,
} from "./delivery.rules.ts";
import { NOTIFICATIONS_CHANNEL } from "./notify.ts";
import { SMS_SIGNATURE } from "./templates.ts";
import type { VoiceProvider } from "./voice.ts";

export interface Providers {
  sms: SmsProvider;
  voice: VoiceProvider;
}

export interface DeliveryOptions {
  batchSize: number;
  /** How long a claim holds before another instance may take the message over. */
  leaseMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { batchSize: 50, leaseMs: 60_000 };

export interface DeliveryReport {
  sent: number;
  failed: number;
  dead: number;
  held: number;
  suppressed: number;
}

type Decision = "send" | "hold" | "suppress" | "dead";

async function decide(tx: Tx, row: repo.OutboxRow, rules: MessageRules, now: Date): Promise<Decision> {
  if (row.attempts >= MAX_ATTEMPTS) return "dead";
  if (!row.urgent && quietUntil(now, rules)) return "hold";
  if (row.channel !== "sms") return "send";
  await repo.lockPersonSms(tx, row.userId);
  const today = await repo.smsClaimedSince(tx, row.userId, localDayStart(now));
  return today >= rules.smsDailyLimit ? "suppress" : "send";
}

/** Step 1: the claim, committed before anything is sent. */
async function claim(ctx: AppContext, options: DeliveryOptions, report: DeliveryReport) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const due = await repo.lockDue(tx, now, options.batchSize);
    const rules = await repo.rulesOfCities(tx, [...new Set(due.map((r) => r.cityCode))]);
    const claimed: repo.OutboxRow[] = [];
    for (const row of due) {
      const cityRules = rules.get(row.cityCode) as MessageRules;
      const decision = await decide(tx, row, cityRules, now);
      if (decision === "hold") {
        const until = quietUntil(now, cityRules) as Date;
        await repo.update(tx, row.id, { status: "pending", nextAttemptAt: until, leaseUntil: null });
        report.held += 1;
      } else if (decision === "suppress") {
        await repo.update(tx, row.id, {
          status: "suppressed",
          lastError: "sms_daily_limit",
          leaseUntil: null,
        });
        report.suppressed += 1;
      } else if (decision === "dead") {
        await repo.update(tx, row.id, { status: "dead", leaseUntil: null });
        report.dead += 1;
      } else {
        const attempts = row.attempts + 1;
        const leaseUntil = new Date(now.getTime() + options.leaseMs);
        await repo.update(tx, row.id, { status: "sending", attempts, claimedAt: now, leaseUntil });
        claimed.push({ ...row, attempts });
      }
    }
    return claimed;
  });
}

function send(providers: Providers, row: repo.OutboxRow) {
  if (row.channel === "voice") {
    return providers.voice.call({ outId: row.id, phone: row.phone, text: row.text, lang: row.lang });
  }
  return providers.sms.sendTemplate({
    outId: row.id,
    phone: row.phone,
    signName: SMS_SIGNATURE.slice(1, -1),
    templateId: row.templateId,
    params: row.params,
    text: row.text,
  });
}

/** Steps 2 and 3 for one message. */
async function deliver(ctx: AppContext, providers: Providers, row: repo.OutboxRow, report: DeliveryReport) {
  const db = ctx.database.db;
  try {
    const { providerMessageId } = await send(providers, row);
    const now = ctx.clock.now();
    await repo.finishClaim(db, row.id, row.attempts, { status: "sent", sentAt: now, providerMessageId });
    report.sent += 1;
  } catch (error) {
    // A refusal that no retry can change (an invalid number, a template the gateway does not know)
    // gives up at once; anything else is tried again with a backoff.
    const final = error instanceof AliyunError && !error.retryable;
    const outcome = final ? ({ status: "dead" } as const) : afterFailure(row.attempts, ctx.clock.now());
    const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await repo.finishClaim(db, row.id, row.attempts, {
      status: outcome.status,
      lastError,
      ...(outcome.status === "failed" ? { nextAttemptAt: outcome.retryAt } : {}),
    });
    report[outcome.status === "dead" ? "dead" : "failed"] += 1;
  }
}

/** One round: claims a batch and sends it. */
export async function deliverDue(
  ctx: AppContext,
  providers: Providers,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0, held: 0, suppressed: 0 };
  const claimed = await claim(ctx, options, report);
  for (const row of claimed) await deliver(ctx, providers, row, report);
  return report;
}

/**
 * Runs rounds every `intervalMs`, and at once when a notification is written anywhere (NOTIFY);
 * a full batch is followed straight away by the next. The returned function stops it and waits
 * for the round in progress.
 */
export async function startDelivery(
  ctx: AppContext,
  providers: Providers,
  intervalMs: number,
  onError: (error: unknown) => void,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<() => Promise<void>> {
  let running: Promise<unknown> = Promise.resolve();
  let queued = false;
  let stopped = false;
  const round = () => {
    if (queued || stopped) return;
    queued = true;
    running = running
      .then(async () => {
        queued = false;
        let report: DeliveryReport;
        do {
          report = await deliverDue(ctx, providers, options);
        } while (!stopped && report.sent + report.failed >= options.batchSize);
      })
      .catch(onError);
  };
  const timer = setInterval(round, intervalMs);
  const unlisten = await ctx.database.listen(NOTIFICATIONS_CHANNEL, round);
  round();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await unlisten();
    await running;
  };
}
