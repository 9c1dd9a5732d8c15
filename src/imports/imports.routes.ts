/**
 * Bulk imports for the bureau's admins: the workers, employers and stations a bureau already
 * keeps, from .xlsx or .csv, and a template of each. The city admin imports for the city, a
 * district admin for her district (the service rejects rows outside it).
 */
import { ADMIN_ROLES, currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { ImportInput, ImportKindParams, ImportResult } from "./imports.schemas.ts";
import { importFor, templateFor } from "./imports.service.ts";
import { IMPORT_KINDS } from "./kinds.ts";

const SUMMARIES = {
  workers: "Import workers (姓名, 手机号, 身份证号, 区县代码, 工种)",
  employers: "Import employers (单位名称, 统一社会信用代码, 联系人, 联系电话, 所在区县), verified",
  stations: "Import gig markets and stations (驿站名称, 类型, 所在区县, 镇街, 地址, 电话, 开放时间)",
};

export async function importRoutes(app: App): Promise<void> {
  const ctx = app.ctx;
  for (const kind of IMPORT_KINDS) {
    app.post(
      `/api/admin/imports/${kind}`,
      {
        config: { access: ADMIN_ROLES },
        bodyLimit: 30 * 1_048_576,
        schema: {
          tags: ["administration"],
          summary: `${SUMMARIES[kind]} from a .xlsx or .csv sheet, each row checked; idempotent`,
          body: ImportInput,
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => importFor(ctx, currentUser(request), kind, request.body, request.lang, request.ip),
    );
  }

  app.get(
    "/api/admin/imports/:kind/template",
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ["administration"],
        summary: "The .xlsx template of an import: its header row, what each column takes, the districts",
        params: ImportKindParams,
      },
    },
    async (request, reply) => {
      const file = await templateFor(ctx, currentUser(request), request.params.kind);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.body);
    },
  );
}
