/** SQL of the station's board: today's hires in the station's district, as a count. */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { bookings, gigs } from "../db/schema/index.ts";

export async function countHires(
  db: DbOrTx,
  districtCode: string,
  day: { from: Date; to: Date },
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .where(
      and(
        eq(gigs.districtCode, districtCode),
        gte(bookings.createdAt, day.from),
        lt(bookings.createdAt, day.to),
      ),
    );
  return row.count;
}
