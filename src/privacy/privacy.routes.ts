/** The 用户协议 and 隐私政策, 我的数据 (a copy of everything held about me) and 注销账号. */
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { currentVersions, readDocument } from "./consent.service.ts";
import { LegalDocument, LegalKindParams, LegalVersions } from "./privacy.schemas.ts";

const tags = ["privacy"];

export async function privacyRoutes(app: App): Promise<void> {
  app.get(
    "/api/legal/current",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The current versions of the 用户协议 and 隐私政策 (a sign-in sends them back as accepted)",
        response: { 200: LegalVersions, ...errorResponses },
      },
    },
    async () => currentVersions(app.ctx.database.db),
  );

  app.get(
    "/api/legal/:kind",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The latest 用户协议 (terms) or 隐私政策 (privacy) in the caller's language",
        params: LegalKindParams,
        response: { 200: LegalDocument, ...errorResponses },
      },
    },
    async (request) => readDocument(app.ctx.database.db, request.params.kind, request.lang),
  );
}
