/** Bulk imports for the city admin: the workers a bureau already keeps, from .xlsx or .csv. */
import { currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { WorkerImportInput, WorkerImportResult } from "./imports.schemas.ts";
import { importWorkersFor } from "./imports.service.ts";

export async function importRoutes(app: App): Promise<void> {
  const ctx = app.ctx;
  app.post(
    "/api/admin/imports/workers",
    {
      config: { access: ["city_admin"] },
      bodyLimit: 30 * 1_048_576,
      schema: {
        tags: ["administration"],
        summary: "Import workers from a .xlsx or .csv sheet, each row checked; idempotent",
        body: WorkerImportInput,
        response: { 200: WorkerImportResult, ...errorResponses },
      },
    },
    async (request) => importWorkersFor(ctx, currentUser(request), request.body, request.ip),
  );
}
