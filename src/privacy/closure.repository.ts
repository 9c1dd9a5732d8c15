/** SQL for 注销账号: what blocks a closure, what is erased or deleted, and the scrub of copies. */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";

const count = async (db: DbOrTx, query: SQL) => (await queryRows<{ n: number }>(db, query))[0]?.n ?? 0;

/** Gigs still taking or holding workers. */
export const openGigs = (db: DbOrTx, employerId: string) =>
  count(
    db,
    sql`select count(*)::int as n from gigs where employer_id = ${employerId} and status in ('open', 'filled')`,
  );

/** Bookings not over yet, on either side. */
export const liveBookings = (db: DbOrTx, userId: string, employerId: string | null) =>
  count(
    db,
    sql`select count(*)::int as n from bookings
         where (worker_id = ${userId} or employer_id = ${employerId})
           and status in ('booked', 'confirmed', 'checked_in')`,
  );

/**
 * Worked shifts whose pay is not settled: hours not yet approved (or disputed), or less paid than
 * due (a disputed payment does not count as paid).
 */
export const unpaidShifts = (db: DbOrTx, employerId: string) =>
  count(
    db,
    sql`select count(*)::int as n from bookings b
          left join timesheets t on t.booking_id = b.id
         where b.employer_id = ${employerId} and b.status in ('checked_out', 'completed')
           and (t.booking_id is null or t.status in ('pending', 'disputed')
             or coalesce(t.amount_due_fen, 0) > (select coalesce(sum(p.amount_fen), 0) from payments p
                                                  where p.booking_id = b.id and p.status <> 'disputed'))`,
  );

export interface Identity {
  phone: string | null;
  displayName: string;
  workerName: string | null;
  idNumber: string | null;
  employerKind: string | null;
  employerName: string | null;
  contactName: string | null;
}

export async function identityOf(db: DbOrTx, userId: string): Promise<Identity | null> {
  const [row] = await queryRows<Identity>(
    db,
    sql`select u.phone, u.display_name as "displayName", w.name as "workerName", w.id_number_masked as "idNumber",
               e.kind as "employerKind", e.name as "employerName", e.contact_name as "contactName"
          from users u
          left join worker_profiles w on w.user_id = u.id
          left join employers e on e.owner_user_id = u.id
         where u.id = ${userId}
         for update of u`,
  );
  return row ?? null;
}

export const CLOSED_NAME = "已注销用户";

/** The account row stays (other records point at its id, now a pseudonym); what names the person goes. */
export async function eraseAccount(db: DbOrTx, userId: string): Promise<void> {
  await db.execute(sql`
    update users set phone = null, username = null, password_hash = null, display_name = ${CLOSED_NAME},
                     status = 'closed', last_sign_in_at = null
     where id = ${userId}`);
  // Kinds of work, districts and reliability counts stay: they name nobody and the statistics use them.
  await db.execute(sql`
    update worker_profiles set name = ${CLOSED_NAME}, id_number_digest = null, id_number_masked = null,
                               birth_date = null, certificates = '{}', intro = '', skills = '{}',
                               sex = null, birth_year = null, education = null, home_lat = null,
                               home_lng = null, home_street = null, availability = null,
                               expected_daily_pay_fen = null
     where user_id = ${userId}`);
  // An organisation's name and credit code are not personal and the wage records need them;
  // a household's name is a person's.
  await db.execute(sql`
    update employers set contact_name = '',
                         name = case when kind = 'individual' then ${CLOSED_NAME} else name end,
                         credit_code = case when kind = 'individual' then null else credit_code end
     where owner_user_id = ${userId}`);
  await db.execute(
    sql`update bookings set check_in_lat = null, check_in_lng = null where worker_id = ${userId}`,
  );
}

/** What exists only for the person's own use goes entirely. */
export async function deleteOwnRecords(db: DbOrTx, userId: string, phone: string | null): Promise<void> {
  await db.execute(sql`delete from sessions where user_id = ${userId}`);
  await db.execute(sql`delete from idempotency_keys where account_id = ${userId}`);
  await db.execute(sql`delete from notification_outbox where user_id = ${userId}`);
  await db.execute(sql`delete from notifications where user_id = ${userId}`);
  await db.execute(sql`delete from notification_preferences where user_id = ${userId}`);
  await db.execute(sql`delete from job_alerts where worker_id = ${userId}`);
  if (phone) {
    await db.execute(sql`delete from otp_codes where phone = ${phone}`);
    await db.execute(sql`delete from sign_in_attempts where key like ${`%${likeEscape(phone)}%`}`);
  }
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface TextColumn {
  table: string;
  column: string;
  kind: "text" | "jsonb" | "array";
}

/** Every column of every table that can hold text: where copies of a name or number may be. */
export async function textColumns(db: DbOrTx): Promise<TextColumn[]> {
  return queryRows<TextColumn>(
    db,
    sql`select table_name as table, column_name as column,
               case when data_type = 'jsonb' or data_type = 'json' then 'jsonb'
                    when data_type = 'ARRAY' then 'array' else 'text' end as kind
          from information_schema.columns
         where table_schema = 'public'
           and (data_type in ('text', 'character varying', 'jsonb', 'json')
             or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar')))
         order by table_name, ordinal_position`,
  );
}

/** Replaces every occurrence of the values in one column with ***; returns the rows changed. */
export async function scrubColumn(db: DbOrTx, column: TextColumn, values: readonly string[]): Promise<void> {
  const table = sql.identifier(column.table);
  const col = sql.identifier(column.column);
  const patterns = sql`array[${sql.join(
    values.map((v) => sql`${`%${likeEscape(v)}%`}`),
    sql`, `,
  )}]::text[]`;
  const replaced = (expr: SQL) =>
    values.reduce<SQL>((acc, value) => sql`replace(${acc}, ${value}::text, '***')`, expr);
  if (column.kind === "text") {
    await db.execute(
      sql`update ${table} set ${col} = ${replaced(sql`${col}`)} where ${col} like any (${patterns})`,
    );
  } else if (column.kind === "jsonb") {
    await db.execute(
      sql`update ${table} set ${col} = (${replaced(sql`${col}::text`)})::jsonb where ${col}::text like any (${patterns})`,
    );
  } else {
    await db.execute(sql`
      update ${table} set ${col} = array(select ${replaced(sql`x`)} from unnest(${col}) with ordinality as u(x, i) order by i)
       where array_to_string(${col}, chr(31)) like any (${patterns})`);
  }
}
