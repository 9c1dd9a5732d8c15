/**
 * SQL for reminders: the bookings due one, leaving out those whose reminder was sent already
 * (the notification's once-key), so each sweep reads only what is new.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";

export interface DueShift {
  bookingId: string;
  workerId: string;
  gig: string;
  startsAt: Date;
  address: string;
  bring: string;
  employer: string;
}

const at = (when: Date) => sql`${when.toISOString()}::timestamptz`;

/** Live bookings whose gig starts in [from, to) and whose `onceKind` reminder was not sent. */
export async function shiftsStartingBetween(
  db: DbOrTx,
  from: Date,
  to: Date,
  onceKind: string,
): Promise<DueShift[]> {
  const rows = await queryRows<DueShift & { startsAt: string | Date }>(
    db,
    sql`select b.id as "bookingId", b.worker_id as "workerId", g.title as gig, g.starts_at as "startsAt",
               g.address, g.requirements as bring, e.name as employer
          from bookings b
          join gigs g on g.id = b.gig_id
          join employers e on e.id = b.employer_id
         where b.status in ('booked', 'confirmed')
           and g.starts_at >= ${at(from)} and g.starts_at < ${at(to)}
           and not exists (select 1 from notifications n
                            where n.user_id = b.worker_id and n.once_key = ${onceKind} || ':' || b.id::text)`,
  );
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt) }));
}

export interface DueComplaint {
  complaintId: string;
  staffUserId: string;
  dueAt: Date;
}

/**
 * Complaints still open and due before `by`, with the staff to tell: the one handling it, or
 * else the district's station staff and district admins.
 */
export async function complaintsDueBefore(db: DbOrTx, by: Date): Promise<DueComplaint[]> {
  const rows = await queryRows<DueComplaint & { dueAt: string | Date }>(
    db,
    sql`select c.id as "complaintId", u.id as "staffUserId", c.due_at as "dueAt"
          from complaints c
          join users u on u.status = 'active' and (
                 u.id = c.assigned_to
              or (c.assigned_to is null and u.city_code = c.city_code and u.district_code = c.district_code
                  and u.role in ('station_staff', 'district_admin')))
         where c.status in ('open', 'in_progress') and c.due_at < ${at(by)}
           and not exists (select 1 from notifications n
                            where n.user_id = u.id and n.once_key = 'complaint_due:' || c.id::text)`,
  );
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
}
