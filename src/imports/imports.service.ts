/** The city admin's import of a workers sheet: one transaction, audited as a disclosure (it writes and returns personal data). */
import type { Static } from "typebox";
import { inTransaction } from "../db/transaction.ts";
import { localDay } from "../monitoring/periods.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import type { WorkerImportInput, WorkerImportResult } from "./imports.schemas.ts";
import { readSheet, rejectsCsv } from "./sheet.ts";
import { importWorkers } from "./workers.import.ts";

export async function importWorkersFor(
  ctx: AppContext,
  viewer: SessionUser,
  body: Static<typeof WorkerImportInput>,
  ip: string,
): Promise<Static<typeof WorkerImportResult>> {
  const sheet = await readSheet(body.fileName, Buffer.from(body.contentBase64, "base64"));
  const now = ctx.clock.now();
  const result = await inTransaction(ctx.database.db, async (tx) => {
    const outcome = await importWorkers(tx, sheet, {
      cityCode: viewer.cityCode,
      pepper: ctx.config.idNumberPepper,
      today: localDay(now),
      now,
      allOrNothing: body.allOrNothing,
    });
    // The sheet's people are written, and its rejected rows go back to the admin as they were typed.
    await discloseToStaff(
      tx,
      {
        staff: viewer,
        action: "workers.imported",
        subjectType: "import",
        subjectId: body.fileName,
        fields: ["name", "phone", "id_number"],
        detail: { rows: outcome.rows, imported: outcome.imported, rejected: outcome.rejected.length },
        ip,
        at: now,
      },
      null,
    );
    return outcome;
  });
  return {
    ...result,
    rejectsCsv: result.rejected.length > 0 ? rejectsCsv(sheet.headers, result.rejected) : null,
  };
}
