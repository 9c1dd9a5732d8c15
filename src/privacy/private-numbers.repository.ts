/** SQL for private numbers (隐私号): the bookings' two phones, and the bindings made for them. */
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { LIVE_BOOKING_STATUSES } from "../bookings/booking.machine.ts";
import type { DbOrTx } from "../db/client.ts";
import { bookings, employers, gigs, numberBindings, users } from "../db/schema/index.ts";

const workerUser = alias(users, "worker_user");
const ownerUser = alias(users, "owner_user");

export type BindingRow = typeof numberBindings.$inferSelect;

/** Bookings among `ids` holding a place and not ended more than `graceMs` ago, with both phones. */
export async function callableBookings(db: DbOrTx, ids: string[], now: Date, graceMs: number) {
  if (ids.length === 0) return [];
  return db
    .select({
      bookingId: bookings.id,
      workerPhone: workerUser.phone,
      employerPhone: ownerUser.phone,
      endsAt: gigs.endsAt,
    })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .innerJoin(employers, eq(employers.id, bookings.employerId))
    .innerJoin(workerUser, eq(workerUser.id, bookings.workerId))
    .innerJoin(ownerUser, eq(ownerUser.id, employers.ownerUserId))
    .where(
      and(
        inArray(bookings.id, ids),
        inArray(bookings.status, [...LIVE_BOOKING_STATUSES]),
        gt(gigs.endsAt, new Date(now.getTime() - graceMs)),
      ),
    );
}

/** Bindings still in force for these bookings. */
export async function activeBindings(db: DbOrTx, bookingIds: string[], now: Date): Promise<BindingRow[]> {
  if (bookingIds.length === 0) return [];
  return db
    .select()
    .from(numberBindings)
    .where(
      and(
        inArray(numberBindings.bookingId, bookingIds),
        isNull(numberBindings.releasedAt),
        gt(numberBindings.expiresAt, now),
      ),
    );
}

/**
 * Keeps a new binding unless another instance made one for the booking that is still in force;
 * resolves with false then (the caller releases its own and uses the other).
 */
export async function keepBinding(
  db: DbOrTx,
  binding: Omit<BindingRow, "id" | "createdAt" | "releasedAt">,
  now: Date,
): Promise<boolean> {
  const kept = await db
    .insert(numberBindings)
    .values(binding)
    .onConflictDoUpdate({
      target: numberBindings.bookingId,
      set: { ...binding, createdAt: now, releasedAt: null },
      setWhere: or(sql`${numberBindings.releasedAt} is not null`, lte(numberBindings.expiresAt, now)),
    })
    .returning({ id: numberBindings.id });
  return kept.length > 0;
}

/**
 * Claims, by marking them released, up to `limit` bindings whose booking no longer holds a place
 * or which expired; other instances skip the rows claimed here.
 */
export async function claimBindingsToRelease(db: DbOrTx, now: Date, limit: number): Promise<BindingRow[]> {
  return db
    .update(numberBindings)
    .set({ releasedAt: now })
    .where(
      inArray(
        numberBindings.id,
        sql`(select b.id from number_bindings b join bookings k on k.id = b.booking_id
              where b.released_at is null
                and (b.expires_at <= ${now} or k.status not in ${[...LIVE_BOOKING_STATUSES]})
              limit ${limit} for update of b skip locked)`,
      ),
    )
    .returning();
}

/** A release the provider refused for now: tried again next round. */
export async function unclaim(db: DbOrTx, id: string): Promise<void> {
  await db.update(numberBindings).set({ releasedAt: null }).where(eq(numberBindings.id, id));
}
