/** The three imports by name, for the admin's route and the command line alike. */
import { localDay } from "../monitoring/periods.ts";
import { geocodeAddress } from "../places/geocode.service.ts";
import type { AppContext } from "../platform/context.ts";
import { EMPLOYER_COLUMNS, employersImport } from "./employers.import.ts";
import { type Column, type ImportKind, type ImportResult, type RunOptions, runImport } from "./run.ts";
import type { Sheet } from "./sheet.ts";
import { STATION_COLUMNS, stationsImport } from "./stations.import.ts";
import { WORKER_COLUMNS, workersImport } from "./workers.import.ts";

export const IMPORT_KINDS = ["workers", "employers", "stations"] as const satisfies readonly ImportKind[];

export const COLUMNS: Record<ImportKind, Record<string, Column>> = {
  workers: WORKER_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  stations: STATION_COLUMNS,
};

/** Imports a sheet of one kind; `by` is the admin importing it, null from the command line. */
export function importSheet(
  ctx: AppContext,
  kind: ImportKind,
  sheet: Sheet,
  options: RunOptions & { by: string | null },
): Promise<ImportResult> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  switch (kind) {
    case "workers":
      return runImport(
        db,
        workersImport({ pepper: ctx.config.idNumberPepper, today: localDay(now), now }),
        sheet,
        options,
      );
    case "employers":
      return runImport(db, employersImport({ now, verifiedBy: options.by }), sheet, options);
    case "stations":
      return runImport(
        db,
        stationsImport({
          now,
          locate: (query) =>
            geocodeAddress(ctx, options.scope.cityCode, query, {
              onProviderError: (error) => ctx.log?.warn({ err: error }, "geocoder failed during an import"),
            }),
        }),
        sheet,
        options,
      );
  }
}
