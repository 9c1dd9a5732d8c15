/**
 * An admin's import of a sheet: the city admin for the whole city, a district admin for her
 * district (rows outside it are rejected). One transaction, audited; the rows of people it writes
 * and hands back (workers, employers' contacts) are audited as a disclosure of personal data.
 */
import type { Static } from "typebox";
import { districtLimit } from "../administration/station-directory.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Tx } from "../db/client.ts";
import type { AppContext } from "../platform/context.ts";
import type { Lang } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff, type PersonalField } from "../privacy/disclosure.ts";
import type { ImportInput, ImportResult } from "./imports.schemas.ts";
import { importSheet } from "./kinds.ts";
import { type ImportKind, type ImportScope, type ImportResult as Outcome, reasonLines } from "./run.ts";
import { readSheet, rejectsCsv } from "./sheet.ts";
import { importTemplate } from "./template.ts";

/** What each import writes and returns of people. */
const PERSONAL_FIELDS: Record<ImportKind, PersonalField[]> = {
  workers: ["name", "phone", "id_number"],
  employers: ["name", "phone"],
  stations: [],
};

function scopeOf(viewer: SessionUser): ImportScope {
  return { cityCode: viewer.cityCode, districtCode: districtLimit(viewer) };
}

async function audit(
  tx: Tx,
  viewer: SessionUser,
  kind: ImportKind,
  fileName: string,
  ip: string,
  at: Date,
  result: Outcome,
) {
  const entry = {
    action: `${kind}.imported`,
    subjectType: "import",
    subjectId: fileName,
    detail: {
      rows: result.rows,
      imported: result.imported,
      alreadyThere: result.alreadyThere,
      rejected: result.rejected.length,
      rolledBack: result.rolledBack,
    },
    ip,
    at,
  };
  const fields = PERSONAL_FIELDS[kind];
  if (fields.length > 0) await discloseToStaff(tx, { ...entry, staff: viewer, fields }, null);
  else await recordAudit(tx, { ...entry, actor: viewer });
}

export async function importFor(
  ctx: AppContext,
  viewer: SessionUser,
  kind: ImportKind,
  body: Static<typeof ImportInput>,
  lang: Lang,
  ip: string,
): Promise<Static<typeof ImportResult>> {
  const sheet = await readSheet(body.fileName, Buffer.from(body.contentBase64, "base64"));
  const now = ctx.clock.now();
  const result = await importSheet(ctx, kind, sheet, {
    scope: scopeOf(viewer),
    allOrNothing: body.allOrNothing,
    by: viewer.id,
    record: (tx, outcome) => audit(tx, viewer, kind, body.fileName, ip, now, outcome),
  });
  return {
    kind,
    rows: result.rows,
    imported: result.imported,
    alreadyThere: result.alreadyThere,
    rolledBack: result.rolledBack,
    report: result.report.map((r) => ({
      row: r.row,
      label: r.label,
      outcome: r.outcome,
      reasons: r.reasons.map((e) => ({ code: e.code, message: e.messageIn(lang) })),
    })),
    rejectsCsv:
      result.rejected.length > 0
        ? rejectsCsv(
            sheet.headers,
            result.rejected.map((r) => ({ ...r, reasons: reasonLines(r, lang) })),
          )
        : null,
  };
}

export function templateFor(ctx: AppContext, viewer: SessionUser, kind: ImportKind) {
  return importTemplate(ctx.database.db, kind, scopeOf(viewer));
}
