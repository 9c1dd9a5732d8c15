/**
 * 注销账号: the person closes the account and what names them goes at once, in one transaction.
 *   - the account and profile rows stay, emptied: other people's records (a wage paid, a rating,
 *     a complaint) point at the id, which now names nobody (a pseudonym);
 *   - what exists only for the person (sessions, messages, alerts, codes) is deleted;
 *   - copies of the phone, ID number and name in any text of any table (a complaint's account,
 *     a message to an employer, an audit detail) are replaced with ***;
 *   - wage and payment records and complaint files stay for the retention period (docs/privacy.md),
 *     and the statistics do not move: no market event is undone.
 * An employer with gigs still open or wages unpaid, or anyone with a booking under way, is refused
 * until it is settled: the other side relies on it.
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { Tx } from "../db/client.ts";
import { inTransaction } from "../db/transaction.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import * as repo from "./closure.repository.ts";
import { employerIdOf } from "./export.repository.ts";
import { privacyErrors } from "./privacy.errors.ts";

/** What the person types to confirm; the English screen asks for the same word. */
const CONFIRMATIONS = new Set(["注销", "close"]);

/**
 * Columns that are some person's own name or number: a namesake's name, or the same phone's other
 * account (worker and employer), must not be touched there. The closed person's own are erased
 * by column in eraseAccount.
 */
const OWN_IDENTITY_COLUMNS = new Set([
  "users.display_name",
  "users.username",
  "worker_profiles.name",
  "employers.name",
  "employers.contact_name",
]);
const NOT_PERSONAL_TABLES = new Set(["legal_documents", "__drizzle_migrations"]);

/** Names shorter than two characters would match everywhere; a masked name (王*) names nobody. */
const isName = (value: string | null | undefined): value is string =>
  !!value && [...value].length >= 2 && !value.includes("*");

async function refuseUnsettled(tx: Tx, userId: string, employerId: string | null): Promise<void> {
  if (employerId) {
    const gigs = await repo.openGigs(tx, employerId);
    if (gigs > 0) throw privacyErrors.closure_open_gigs({ count: gigs });
    const unpaid = await repo.unpaidShifts(tx, employerId);
    if (unpaid > 0) throw privacyErrors.closure_unpaid_wages({ count: unpaid });
  }
  const live = await repo.liveBookings(tx, userId, employerId);
  if (live > 0) throw privacyErrors.closure_live_bookings({ count: live });
}

async function scrubCopies(tx: Tx, identity: repo.Identity): Promise<void> {
  const numbers = [identity.phone, identity.idNumber].filter((v): v is string => !!v && v.length >= 6);
  const names = [
    ...new Set(
      [
        identity.displayName,
        identity.workerName,
        identity.contactName,
        identity.employerKind === "individual" ? identity.employerName : null,
      ].filter(isName),
    ),
  ];
  for (const column of await repo.textColumns(tx)) {
    if (NOT_PERSONAL_TABLES.has(column.table)) continue;
    const key = `${column.table}.${column.column}`;
    const values = [
      ...numbers.filter((v) => !(key === "users.phone" && v === identity.phone)),
      ...(OWN_IDENTITY_COLUMNS.has(key) ? [] : names),
    ];
    if (values.length > 0) await repo.scrubColumn(tx, column, values);
  }
}

export async function closeAccount(
  ctx: AppContext,
  user: SessionUser,
  confirmation: string,
  ip: string,
): Promise<{ closed: true; closedAt: string }> {
  if (!CONFIRMATIONS.has(confirmation.trim().toLowerCase())) throw privacyErrors.closure_confirmation_wrong();
  const now = ctx.clock.now();
  return inTransaction(ctx.database.db, async (tx) => {
    const identity = await repo.identityOf(tx, user.id);
    if (!identity) throw privacyErrors.closure_confirmation_wrong();
    await refuseUnsettled(tx, user.id, await employerIdOf(tx, user.id));
    await repo.eraseAccount(tx, user.id);
    await repo.deleteOwnRecords(tx, user.id, identity.phone);
    await scrubCopies(tx, identity);
    await recordAudit(tx, {
      actor: user,
      action: "account.closed",
      subjectType: "user",
      subjectId: user.id,
      ip,
      at: now,
    });
    await recordMarketEvent(tx, {
      cityCode: user.cityCode,
      kind: "account_closed",
      subjectId: user.id,
      at: now,
    });
    return { closed: true as const, closedAt: now.toISOString() };
  });
}
