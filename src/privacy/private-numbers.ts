/**
 * Private numbers (隐私号) for bookings, when a number-masking provider is configured
 * (LINGGONG_NUMBER_MASKING; src/privacy/number-masking.ts). While a booking holds a place and until
 * a day after its gig ends, the worker and the employer are each shown X instead of the other's own
 * number; a binding is made when a number is first asked for and released as soon as the booking
 * is cancelled or marked a no-show, or expires by itself a day after the gig ends.
 *
 * A provider that fails (pool empty, unreachable) leaves the number masked, never the own number
 * shown: privacy first, and the station can still ring either party through its audited call card.
 */
import type { Viewer } from "../bookings/booking.views.ts";
import type { AppContext } from "../platform/context.ts";
import { everyInterval } from "../platform/rounds.ts";
import * as repo from "./private-numbers.repository.ts";

/** How long after the gig's end the parties can still call (to settle pay): the binding's expiry. */
export const CALLABLE_AFTER_END_MS = 24 * 3_600_000;
const RELEASE_BATCH = 50;

/**
 * The private number of each of these bookings that the parties may call now, made where missing
 * (the provider called for all of them at once). A booking left out (not callable, or the provider
 * failed) is shown masked by the caller.
 */
export async function privateNumbersOf(ctx: AppContext, bookingIds: string[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  const provider = ctx.numbers;
  if (!provider || bookingIds.length === 0) return numbers;
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const callable = await repo.callableBookings(db, [...new Set(bookingIds)], now, CALLABLE_AFTER_END_MS);
  const active = await repo.activeBindings(
    db,
    callable.map((b) => b.bookingId),
    now,
  );
  for (const binding of active) numbers.set(binding.bookingId, binding.number);
  const missing = callable.filter((b) => !numbers.has(b.bookingId) && b.workerPhone && b.employerPhone);
  const bind = async (booking: (typeof callable)[number]): Promise<string | null> => {
    const expiresAt = new Date(booking.endsAt.getTime() + CALLABLE_AFTER_END_MS);
    const made = await provider.bind({
      outId: booking.bookingId,
      phoneA: booking.workerPhone as string,
      phoneB: booking.employerPhone as string,
      expiresAt,
    });
    const binding = { bookingId: booking.bookingId, provider: provider.name, ...made, expiresAt };
    if (await repo.keepBinding(db, binding, now)) return made.number;
    // Another instance bound this booking a moment ago: use its number, give ours back.
    await provider
      .unbind(made)
      .catch((error) => ctx.log?.warn({ err: error }, "private number release failed"));
    const [theirs] = await repo.activeBindings(db, [booking.bookingId], now);
    return theirs?.number ?? null;
  };
  await Promise.all(
    missing.map(async (booking) => {
      const number = await bind(booking).catch((error: unknown) => {
        ctx.log?.warn(
          { err: error, bookingId: booking.bookingId },
          "private number binding failed; shown masked",
        );
        return null;
      });
      if (number) numbers.set(booking.bookingId, number);
    }),
  );
  return numbers;
}

/**
 * What to show for each booking's other party: `undefined` while private numbers are off (her own
 * number then), else the booking's X or null (none could be made, so masked). Made once per request.
 */
export async function privateNumberLookup(
  ctx: AppContext,
  bookingIds: string[],
): Promise<(bookingId: string) => string | null | undefined> {
  if (!ctx.numbers) return () => undefined;
  const numbers = await privateNumbersOf(ctx, bookingIds);
  return (bookingId) => numbers.get(bookingId) ?? null;
}

/**
 * One round of releases: bindings whose booking no longer holds a place or which expired. An
 * expired one needs no call (the provider dropped it); one the provider refuses to release now is
 * tried again next round.
 */
export async function releasePrivateNumbers(ctx: AppContext): Promise<{ released: number; failed: number }> {
  const provider = ctx.numbers;
  const report = { released: 0, failed: 0 };
  if (!provider) return report;
  const now = ctx.clock.now();
  const claimed = await repo.claimBindingsToRelease(ctx.database.db, now, RELEASE_BATCH);
  for (const binding of claimed) {
    if (binding.expiresAt <= now) {
      report.released += 1;
      continue;
    }
    try {
      await provider.unbind(binding);
      report.released += 1;
    } catch (error) {
      await repo.unclaim(ctx.database.db, binding.id);
      ctx.log?.warn(
        { err: error, bookingId: binding.bookingId },
        "private number release failed; retried later",
      );
      report.failed += 1;
    }
  }
  return report;
}

/**
 * Views of bookings for one of their parties: with private numbers on, each shows its X for the
 * other party's number (or masks it while none could be made); staff, and everyone while private
 * numbers are off, get `view(row)` as it is.
 */
export async function viewsFor<Row extends { booking: { id: string } }, View>(
  ctx: AppContext,
  viewer: Viewer,
  rows: Row[],
  view: (row: Row, privateNumber?: string | null) => View,
): Promise<View[]> {
  if (viewer === "staff") return rows.map((row) => view(row));
  const numberOf = await privateNumberLookup(
    ctx,
    rows.map((row) => row.booking.id),
  );
  return rows.map((row) => view(row, numberOf(row.booking.id)));
}

/** Releases every `intervalMs` until the returned function is called (which waits for a round). */
export function startPrivateNumberRelease(
  ctx: AppContext,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  return everyInterval(intervalMs, () => releasePrivateNumbers(ctx), onError);
}
