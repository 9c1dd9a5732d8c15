/**
 * Payment records: the employer records pay made outside the platform (cash, WeChat, …)
 * once the worker has checked out; the worker confirms receipt or disputes it within the
 * city's window. Earnings and payables show each shift's pay from both sides.
 */
import type { Tx } from "../db/client.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { shanghaiDateTime } from "../shifts/shanghai-time.ts";
import { eventPlace, lockBookingFor } from "../shifts/shift-access.ts";
import { shiftRules } from "../shifts/shifts.repository.ts";
import { paymentMachine } from "./payment.machine.ts";
import { payLine, paymentView, totalsOf } from "./payment.views.ts";
import { paymentErrors } from "./payments.errors.ts";
import * as repo from "./payments.repository.ts";
import type { EarningsView, PayablesView, PaymentView, RecordPaymentInput } from "./payments.schemas.ts";

/** Clocks on phones run a little fast; a payment "now" may arrive stamped a few minutes ahead. */
const CLOCK_SKEW_MS = 5 * 60_000;
const AFTER_CHECK_OUT = new Set(["checked_out", "completed"]);
/**
 * A second record of the same amount by the same method for the same shift this soon is a
 * double tap, not a second payment: refused even when the client sent no Idempotency-Key.
 */
export const DUPLICATE_PAYMENT_WINDOW_MIN = 10;

export async function recordPayment(
  ctx: AppContext,
  user: SessionUser,
  bookingId: string,
  input: RecordPaymentInput,
): Promise<PaymentView> {
  const now = ctx.clock.now();
  const paidAt = new Date(input.paidAt);
  if (paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw paymentErrors.paid_at_in_future();
  const payment = await ctx.database.db.transaction(async (tx) => {
    const { row } = await lockBookingFor(tx, user, bookingId, ["employer"]);
    if (!AFTER_CHECK_OUT.has(row.booking.status)) throw paymentErrors.payment_before_check_out();
    const since = new Date(now.getTime() - DUPLICATE_PAYMENT_WINDOW_MIN * 60_000);
    const same = { bookingId, amountFen: input.amountFen, method: input.method, since };
    if (await repo.findSamePaymentSince(tx, same)) {
      throw paymentErrors.duplicate_payment({ minutes: DUPLICATE_PAYMENT_WINDOW_MIN });
    }
    const inserted = await repo.insertPayment(tx, {
      cityCode: row.gig.cityCode,
      bookingId,
      amountFen: input.amountFen,
      method: input.method,
      paidAt,
      recordedBy: user.id,
      note: input.note ?? "",
      createdAt: now,
    });
    await recordMarketEvent(tx, {
      ...eventPlace(row, now),
      kind: "payment_recorded",
      detail: { paymentId: inserted.id, amountFen: input.amountFen, method: input.method },
    });
    return inserted;
  });
  return paymentView(payment);
}

type PaymentStep = (tx: Tx, payment: repo.PaymentRow, place: ReturnType<typeof eventPlace>) => Promise<void>;

/**
 * The worker's answer to a payment, under the booking's lock. The payment is read again once
 * the lock is held: a second answer racing the first then sees the status the first left,
 * and is told why it cannot answer rather than a generic conflict.
 */
async function workerAnswers(ctx: AppContext, user: SessionUser, paymentId: string, step: PaymentStep) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const unlocked = await repo.findPayment(tx, paymentId);
    if (!unlocked) throw paymentErrors.payment_not_found();
    const { row } = await lockBookingFor(tx, user, unlocked.bookingId, ["worker"]).catch(() => {
      throw paymentErrors.payment_not_found();
    });
    const payment = await repo.findPayment(tx, paymentId);
    if (!payment) throw paymentErrors.payment_not_found();
    await step(tx, payment, eventPlace(row, now));
  });
  const answered = await repo.findPayment(ctx.database.db, paymentId);
  if (!answered) throw paymentErrors.payment_not_found();
  return paymentView(answered);
}

export function confirmPayment(ctx: AppContext, user: SessionUser, paymentId: string) {
  return workerAnswers(ctx, user, paymentId, async (tx, payment, place) => {
    if (!paymentMachine.can(payment.status, "confirm")) throw paymentErrors.payment_not_confirmable();
    const from = paymentMachine.states.filter((s) => paymentMachine.can(s, "confirm"));
    const moved = await repo.movePayment(tx, payment.id, from, {
      status: "confirmed",
      confirmedAt: place.at,
    });
    if (!moved) throw commonErrors.conflict();
    await recordMarketEvent(tx, {
      ...place,
      kind: "payment_confirmed",
      detail: { paymentId: payment.id, amountFen: payment.amountFen },
    });
  });
}

export function disputePayment(ctx: AppContext, user: SessionUser, paymentId: string, reason: string) {
  return workerAnswers(ctx, user, paymentId, async (tx, payment, place) => {
    if (!paymentMachine.can(payment.status, "dispute")) throw paymentErrors.payment_not_disputable();
    const { disputeWindowHours } = await shiftRules(tx, place.cityCode);
    const deadline = new Date(payment.createdAt.getTime() + disputeWindowHours * 3_600_000);
    if (place.at.getTime() > deadline.getTime()) {
      throw paymentErrors.payment_dispute_window_closed({ deadline: shanghaiDateTime(deadline) });
    }
    const moved = await repo.movePayment(tx, payment.id, ["recorded"], {
      status: "disputed",
      disputeReason: reason,
      disputedAt: place.at,
    });
    if (!moved) throw commonErrors.conflict();
    await recordMarketEvent(tx, {
      ...place,
      kind: "payment_disputed",
      detail: { paymentId: payment.id, amountFen: payment.amountFen },
    });
  });
}

async function withPayments<T extends { booking: { id: string } }>(ctx: AppContext, lines: T[]) {
  const rows = await repo.paymentsOfBookings(
    ctx.database.db,
    lines.map((l) => l.booking.id),
  );
  return (bookingId: string) => rows.filter((p) => p.bookingId === bookingId);
}

export async function workerEarnings(ctx: AppContext, user: SessionUser): Promise<EarningsView> {
  const lines = await repo.workerShiftLines(ctx.database.db, user.id);
  const paymentsOf = await withPayments(ctx, lines);
  const items = lines.map((l) => ({ ...payLine(l, paymentsOf(l.booking.id)), employerName: l.employerName }));
  return { items, totals: totalsOf(items) };
}

export async function employerPayables(ctx: AppContext, user: SessionUser): Promise<PayablesView> {
  const lines = await repo.employerPayableLines(ctx.database.db, user.id);
  const paymentsOf = await withPayments(ctx, lines);
  const items = lines.map((l) => ({
    ...payLine(l, paymentsOf(l.booking.id)),
    workerId: l.booking.workerId,
    workerName: l.workerName,
  }));
  return { items, totals: totalsOf(items) };
}
