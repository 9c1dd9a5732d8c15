/** An employer's profile (用工方资料) and its verification by staff. */
import type { Static } from "typebox";
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { accountErrors } from "./accounts.errors.ts";
import { isValidCreditCode } from "./identity-codes.ts";
import {
  decideEmployer,
  type EmployerRow,
  findEmployer,
  findEmployerByOwner,
  insertEmployer,
  lockUser,
  type NewEmployer,
  setDisplayName,
  unknownDistricts,
  updateEmployer,
} from "./profile.repository.ts";
import type { EmployerProfileInput, EmployerProfileView, VerificationDecision } from "./profile.schemas.ts";
import { assertDistrictScope } from "./scope.ts";

type Input = Static<typeof EmployerProfileInput>;

export function viewEmployer(row: EmployerRow): Static<typeof EmployerProfileView> {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    contactName: row.contactName,
    districtCode: row.districtCode,
    industryCode: row.industryCode,
    creditCode: row.creditCode,
    verification: row.verification,
    ratingAverage: row.ratingCount > 0 ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null,
    ratingCount: row.ratingCount,
  };
}

export async function getMyEmployer(ctx: AppContext, user: SessionUser) {
  const row = await findEmployerByOwner(ctx.database.db, user.id);
  if (!row) throw accountErrors.employer_profile_missing();
  return viewEmployer(row);
}

async function validate(ctx: AppContext, user: SessionUser, input: Input): Promise<string | null> {
  const creditCode = input.creditCode?.trim().toUpperCase() || null;
  if (input.kind === "enterprise" && !creditCode) throw accountErrors.credit_code_required();
  if (creditCode && !isValidCreditCode(creditCode)) throw accountErrors.credit_code_invalid();
  if (input.districtCode) {
    const [bad] = await unknownDistricts(ctx.database.db, user.cityCode, [input.districtCode]);
    if (bad) throw accountErrors.district_unknown({ code: bad });
  }
  return creditCode;
}

export async function saveMyEmployer(ctx: AppContext, user: SessionUser, input: Input) {
  const creditCode = await validate(ctx, user, input);
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    await lockUser(tx, user.id);
    const existing = await findEmployerByOwner(tx, user.id);
    const values = {
      kind: input.kind,
      name: input.name.trim(),
      contactName: input.contactName?.trim() ?? "",
      districtCode: input.districtCode ?? null,
      industryCode: input.industryCode ?? null,
      creditCode,
    };
    // A changed identity needs checking again; an enterprise with a code waits for staff.
    const identityChanged = !existing || existing.creditCode !== creditCode || existing.name !== values.name;
    const verification = identityChanged ? (creditCode ? "pending" : "unverified") : existing.verification;
    if (!existing) {
      return registerEmployer(tx, {
        ...values,
        verification,
        cityCode: user.cityCode,
        ownerUserId: user.id,
        createdAt: now,
      });
    }
    const saved = await updateEmployer(tx, existing.id, { ...values, verification });
    await setDisplayName(tx, user.id, saved.name);
    return saved;
  });
  return viewEmployer(row);
}

/**
 * A new employer: its row, its owner's account shown by its name, and the fact the bureau counts.
 * The one way an employer comes to be: its owner's first save, or a bureau's import of its list.
 */
export async function registerEmployer(
  tx: DbOrTx,
  employer: NewEmployer & { createdAt: Date },
): Promise<EmployerRow> {
  const saved = await insertEmployer(tx, employer);
  await setDisplayName(tx, saved.ownerUserId, saved.name);
  await recordMarketEvent(tx, {
    cityCode: saved.cityCode,
    kind: "employer_registered",
    districtCode: saved.districtCode,
    subjectId: saved.id,
    detail: { kind: saved.kind, industryCode: saved.industryCode },
    at: employer.createdAt,
  });
  return saved;
}

export async function decideVerification(
  ctx: AppContext,
  staff: SessionUser,
  employerId: string,
  input: Static<typeof VerificationDecision>,
  ip: string,
) {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const employer = await findEmployer(tx, employerId);
    if (!employer || employer.cityCode !== staff.cityCode) throw accountErrors.employer_not_found();
    assertDistrictScope(staff, employer.districtCode);
    const updated = await decideEmployer(tx, employer.id, employer.verification, {
      verification: input.decision,
      verifiedAt: now,
      verifiedBy: staff.id,
    });
    if (!updated) throw commonErrors.conflict();
    await recordAudit(tx, {
      actor: staff,
      action: `employer.${input.decision}`,
      subjectType: "employer",
      subjectId: employer.id,
      detail: { note: input.note ?? "", previous: employer.verification },
      ip,
      at: now,
    });
    return updated;
  });
  return viewEmployer(row);
}
