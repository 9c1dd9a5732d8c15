/**
 * The monitoring platform's API (就业监测云平台): district and city admins, and the province admin
 * over her province's cities (read-only; not the lists behind the figures, which name people).
 */
import type { FastifyRequest } from "fastify";
import type { Static, TSchema } from "typebox";
import type { AppContext } from "../platform/context.ts";
import { ADMIN_ROLES, currentUser, MONITORING_ROLES } from "../platform/http/access.ts";
import { errorResponses } from "../platform/http/schemas.ts";
import type { App } from "../platform/http/types.ts";
import { citiesSideBySide } from "./cities.service.ts";
import { drillDown } from "./drilldown.service.ts";
import { exportTable } from "./exports.service.ts";
import { geo } from "./monitoring.geo.ts";
import type { Scope } from "./monitoring.repository.ts";
import {
  CitiesPage,
  ComplaintsPage,
  DistrictsPage,
  DrillParams,
  DrillQuery,
  DrillResponse,
  ExportParams,
  GeoQuery,
  GeoResponse,
  OfficialFlowPage,
  OverviewPage,
  PeriodQuery,
  QualityPage,
  ScreenFeed,
  ScreenPage,
  StationsPage,
  SupplyDemandPage,
  WagesPage,
} from "./monitoring.schemas.ts";
import {
  complaints,
  districts,
  officialFlow,
  overview,
  quality,
  scopeFor,
  screen,
  screenFeed,
  supplyDemand,
  wages,
} from "./monitoring.service.ts";
import { streamFigures } from "./monitoring.stream.ts";
import { localDay, type Period, periodContaining } from "./periods.ts";
import { MonitoringRollup } from "./rollup.ts";
import { seekerIndex } from "./seeker-counts.ts";
import { stationPerformance } from "./station-performance.service.ts";

type PeriodParams = Static<typeof PeriodQuery>;
const access = MONITORING_ROLES;
/**
 * The drill-down lists name people (masked) and households that employ: for the admins of the
 * city that holds the data, not for the province, whose work is with the figures.
 */
const drillAccess = ADMIN_ROLES;
const tags = ["monitoring"];

export async function monitoringRoutes(app: App): Promise<void> {
  const rollup = new MonitoringRollup(app.ctx);
  app.addHook("onReady", async () => {
    await rollup.start();
    // Loads the seekers into memory now rather than on the first dashboard request.
    seekerIndex(app.ctx).catch(() => undefined);
  });
  app.addHook("onClose", () => rollup.stop());
  // Live streams never end by themselves: the server ends them when it shuts down.
  const shutdown = new AbortController();
  app.addHook("preClose", async () => shutdown.abort());

  const context = async (request: FastifyRequest, query: PeriodParams) => {
    const scope = await scopeFor(app.ctx, currentUser(request), query);
    const day = query.date ?? localDay(app.ctx.clock.now());
    return { scope, period: periodContaining(query.period ?? "month", day, query.until) };
  };
  const page = <S extends TSchema>(
    path: string,
    summary: string,
    response: S,
    build: (ctx: AppContext, scope: Scope, period: Period) => Promise<Static<S>>,
  ) =>
    app.get(
      `/api/monitoring/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          querystring: PeriodQuery,
          // Widened for Fastify's reply type; `build` is already checked against the schema.
          response: { 200: response as TSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { scope, period } = await context(request, request.query);
        return build(app.ctx, scope, period);
      },
    );

  page("overview", "Key figures with trends (总览)", OverviewPage, overview);
  page(
    "supply-demand",
    "求人倍率 by category, occupation group, district, age, sex, education, industry",
    SupplyDemandPage,
    supplyDemand,
  );
  page(
    "official-flow",
    "Official flow table (部分城市公共就业服务机构市场供求状况): demand and seekers registered in the period, 求人倍率",
    OfficialFlowPage,
    officialFlow,
  );
  page("wages", "Median daily pay by category (工资价位)", WagesPage, wages);
  page("quality", "Fill, cancellation, no-show, disputes, ratings (就业质量)", QualityPage, quality);
  page("complaints", "Wage arrears and other complaints (投诉与欠薪)", ComplaintsPage, complaints);
  page(
    "screen",
    "大屏: the last 30 days (求人倍率, bookings, median daily pay), today's bookings by district and station services, wage arrears",
    ScreenPage,
    screen,
  );
  page(
    "feed",
    "大屏's running feed: the newest gigs and the day's bookings, newest first, no worker named",
    ScreenFeed,
    screenFeed,
  );

  app.get(
    "/api/monitoring/stations",
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Station performance (驿站服务绩效) per station and day: walk-ins, registrations, booked, paid, complaints, time to booking",
        querystring: PeriodQuery,
        response: { 200: StationsPage, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, period } = await context(request, request.query);
      return stationPerformance(app.ctx, scope, period);
    },
  );

  app.get(
    "/api/monitoring/districts",
    {
      config: { access },
      schema: {
        tags,
        summary: "Districts side by side (city admin)",
        querystring: PeriodQuery,
        response: { 200: DistrictsPage, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, period } = await context(request, request.query);
      return districts(app.ctx, currentUser(request), scope, period);
    },
  );

  app.get(
    "/api/monitoring/cities",
    {
      config: { access: ["province_admin"] },
      schema: {
        tags,
        summary: "The province's cities side by side, and the province: counts summed, ratios of the sums",
        querystring: PeriodQuery,
        response: { 200: CitiesPage, ...errorResponses },
      },
    },
    async (request) => {
      const { period } = await context(request, request.query);
      return citiesSideBySide(app.ctx, currentUser(request), period);
    },
  );

  app.get(
    "/api/monitoring/drill/:figure",
    {
      config: { access: drillAccess },
      schema: {
        tags,
        summary: "The list behind a figure, personal data masked",
        params: DrillParams,
        querystring: DrillQuery,
        response: { 200: DrillResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { scope, period } = await context(request, request.query);
      const { limit = 50, offset = 0 } = request.query;
      const items = await drillDown(
        app.ctx,
        currentUser(request),
        request.ip,
        scope,
        period,
        request.params.figure,
        {
          limit,
          offset,
        },
      );
      return { figure: request.params.figure, items };
    },
  );

  app.get(
    "/api/monitoring/exports/:table.:format",
    {
      config: { access },
      schema: {
        tags,
        summary: "Official tables as .xlsx or CSV",
        params: ExportParams,
        querystring: PeriodQuery,
      },
    },
    async (request, reply) => {
      const { scope, period } = await context(request, request.query);
      const file = await exportTable(app.ctx, scope, period, request.params.table, request.params.format);
      return reply
        .header("content-type", file.contentType)
        .header(
          "content-disposition",
          `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.body);
    },
  );

  app.get(
    "/api/monitoring/stream",
    {
      config: { access },
      schema: { tags, summary: "Live key figures of today (server-sent events)", querystring: PeriodQuery },
    },
    async (request, reply) => {
      const { scope } = await context(request, request.query);
      await streamFigures(app.ctx, scope, reply, shutdown.signal);
    },
  );

  app.get(
    "/api/monitoring/geo",
    {
      config: { access },
      schema: {
        tags,
        summary:
          "District boundaries (GeoJSON) for the map: the city's, or every district of a province admin's cities",
        querystring: GeoQuery,
        response: { 200: GeoResponse, ...errorResponses },
      },
    },
    async (request) => {
      const scope = await scopeFor(app.ctx, currentUser(request), { city: request.query.city });
      return geo(app.ctx, scope.cityCodes);
    },
  );
}
