/** The 用户协议 and 隐私政策, 我的数据 (a copy of everything held about me) and 注销账号. */

import { clearSessionCookie } from "../accounts/session.service.ts";
import { currentUser } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { closeAccount } from "./closure.service.ts";
import { currentVersions, readDocument } from "./consent.service.ts";
import { collectMyData, myDataWorkbook } from "./export.service.ts";
import {
  AccountClosed,
  CloseAccountBody,
  LegalDocument,
  LegalKindParams,
  LegalVersions,
  MyData,
} from "./privacy.schemas.ts";

/** Workers and employers hold data about themselves here; staff accounts are the bureau's. */
const people = ["worker", "employer"] as const;

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

  app.get(
    "/api/me/data",
    {
      config: { access: people },
      schema: {
        tags,
        summary: "我的数据: everything held about me, one section per kind (JSON)",
        response: { 200: MyData, ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await collectMyData(app.ctx, currentUser(request), request.lang);
      return reply.header("cache-control", "no-store").send(data);
    },
  );

  app.get(
    "/api/me/data.xlsx",
    {
      config: { access: people },
      schema: { tags, summary: "我的数据 as a workbook: one sheet per kind, Chinese headers" },
    },
    async (request, reply) => {
      const data = await collectMyData(app.ctx, currentUser(request), "zh-CN");
      const day = data.generatedAt.slice(0, 10);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="my-data-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`我的数据-${day}.xlsx`)}`,
        )
        .send(await myDataWorkbook(data));
    },
  );

  app.post(
    "/api/me/close",
    {
      // Not idempotent by key: a closed account has no session to repeat it with, and its keys are deleted.
      config: { access: people },
      schema: {
        tags,
        summary: "注销账号: close my account; personal fields are erased at once (docs/privacy.md)",
        body: CloseAccountBody,
        response: { 200: AccountClosed, ...errorResponses },
      },
    },
    async (request, reply) => {
      const closed = await closeAccount(app.ctx, currentUser(request), request.body.confirmation, request.ip);
      clearSessionCookie(app.ctx, reply);
      return closed;
    },
  );
}
