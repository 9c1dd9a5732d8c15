/**
 * Records a fact about the market (a gig posted, a booking made, a shift completed ...)
 * inside the transaction that made it true, and announces it to every server instance
 * with NOTIFY on the `market_events` channel (delivered only if the transaction commits).
 * The monitoring platform counts these; matching indexes follow them.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { marketEvents } from "../db/schema/index.ts";
import { notifyMarketEvent } from "../notifications/market-notices.ts";

export const MARKET_CHANNEL = "market_events";

export type MarketEventKind =
  | "worker_registered"
  | "worker_profile_updated"
  | "employer_registered"
  | "gig_posted"
  | "gig_updated"
  | "gig_cancelled"
  | "gig_filled"
  | "gig_closed"
  | "application_made"
  | "invitation_sent"
  | "application_decided"
  | "booking_made"
  | "booking_confirmed"
  | "booking_cancelled"
  | "checked_in"
  | "checked_out"
  | "no_show"
  | "shift_completed"
  | "timesheet_approved"
  | "timesheet_disputed"
  | "timesheet_resolved"
  | "payment_recorded"
  | "payment_confirmed"
  | "payment_disputed"
  | "rating_given"
  | "complaint_opened"
  | "complaint_resolved"
  | "service_recorded"
  /** 注销: the matching indexes drop the person; no figure counts it. */
  | "account_closed";

export interface MarketEvent {
  cityCode: string;
  kind: MarketEventKind;
  districtCode?: string | null;
  categoryCode?: string | null;
  subjectId?: string | null;
  quantity?: number;
  detail?: Record<string, unknown>;
  at?: Date;
}

/** What listeners receive: enough to decide whether to reload the subject. */
export interface MarketNotice {
  id: number;
  kind: MarketEventKind;
  cityCode: string;
  subjectId: string | null;
}

/**
 * Something that must be written in the same transaction as every event a command records
 * while it runs: a station acting for a worker records who did it, with her consent, this way
 * (stations/on-behalf.ts), so the act and its record commit or fail together.
 */
export type MarketEventObserver = (tx: DbOrTx, event: MarketEvent) => Promise<void>;
export const marketEventObserver = new AsyncLocalStorage<MarketEventObserver>();

/** The row an event is kept as. */
function eventRow(event: MarketEvent) {
  return {
    cityCode: event.cityCode,
    kind: event.kind,
    districtCode: event.districtCode ?? null,
    categoryCode: event.categoryCode ?? null,
    subjectId: event.subjectId ?? null,
    quantity: event.quantity ?? 1,
    detail: event.detail ?? null,
    at: event.at,
  };
}

/**
 * The event's row and its notice in one statement: the notice needs the id the insert draws, and a
 * command's transaction holds its pooled connection for every round trip (the morning rush).
 */
async function insertAndAnnounce(tx: DbOrTx, event: MarketEvent): Promise<void> {
  const insert = tx.insert(marketEvents).values(eventRow(event)).returning({ id: marketEvents.id });
  const notice = sql`json_build_object('id', id, 'kind', ${event.kind}::text, 'cityCode', ${event.cityCode}::text,
    'subjectId', ${event.subjectId ?? null}::text)::text`;
  await tx.execute(
    sql`with inserted as (${insert.getSQL()}) select pg_notify(${MARKET_CHANNEL}, ${notice}) from inserted`,
  );
}

export async function recordMarketEvent(tx: DbOrTx, event: MarketEvent): Promise<void> {
  await insertAndAnnounce(tx, event);
  await notifyMarketEvent(tx, event);
  await marketEventObserver.getStore()?.(tx, event);
}

/**
 * Many events of one command at once (a bulk import): one insert and one statement of notices,
 * then what each event sets off, as `recordMarketEvent` does for one.
 */
export async function recordMarketEvents(tx: DbOrTx, events: readonly MarketEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = await tx.insert(marketEvents).values(events.map(eventRow)).returning({ id: marketEvents.id });
  // Ids are drawn in the order of the rows given.
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  const notices = events.map((event, i): string =>
    JSON.stringify({
      id: ids[i],
      kind: event.kind,
      cityCode: event.cityCode,
      subjectId: event.subjectId ?? null,
    } satisfies MarketNotice),
  );
  await tx.execute(
    sql`select pg_notify(${MARKET_CHANNEL}, notice) from unnest(${`{${notices.map(arrayElement).join(",")}}`}::text[]) as notice`,
  );
  for (const event of events) {
    await notifyMarketEvent(tx, event);
    await marketEventObserver.getStore()?.(tx, event);
  }
}

/** One element of a PostgreSQL text array literal, quoted. */
function arrayElement(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
