/**
 * Builds the HTTP application: plugins, access control, error handling, OpenAPI,
 * and each area's routes. Stateless: every instance shares only the database.
 */
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyServerOptions } from "fastify";
import { userForRequest } from "./accounts/session.service.ts";
import { SessionCache } from "./accounts/session-cache.ts";
import { deviceForRequest } from "./devices/devices.service.ts";
import { MatchingIndexes } from "./matching/matching.indexes.ts";
import type { AppContext } from "./platform/context.ts";
import { registerAccessControl } from "./platform/http/access.ts";
import { registerErrorHandling } from "./platform/http/error-handler.ts";
import { frameworkErrorOptions, registerEnvelopeForEveryError } from "./platform/http/framework-errors.ts";
import { registerIdempotency } from "./platform/http/idempotency.ts";
import { boundDateFormats, registerInputGuard } from "./platform/http/input-guard.ts";
import { lazySerializers, lazyValidators } from "./platform/http/lazy-compilers.ts";
import { registerRequestCity } from "./platform/http/request-city.ts";
import { ErrorResponse } from "./platform/http/schemas.ts";
import {
  DOCS_CONTENT_SECURITY_POLICY,
  registerCrossSiteCheck,
  registerSecurityHeaders,
} from "./platform/http/security.ts";
import type { App } from "./platform/http/types.ts";
import { KnownCities } from "./reference/known-cities.ts";
import { routeModules } from "./routes.ts";
import { registerMetrics } from "./system/metrics.ts";
import { systemRoutes } from "./system/system.routes.ts";
import { webApp } from "./web/web.plugin.ts";

export async function buildApp(ctx: AppContext, options: FastifyServerOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    trustProxy: ctx.config.trustProxy,
    // HAProxy sets X-Request-Id (deploy/haproxy): one id in its log, ours and the database's.
    requestIdHeader: "x-request-id",
    bodyLimit: 1_048_576,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false },
      onCreate: boundDateFormats,
    },
    schemaController: {
      compilersFactory: { buildValidator: lazyValidators(), buildSerializer: lazySerializers() },
    },
    ...frameworkErrorOptions,
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("ctx", ctx);
  ctx.log ??= app.log;
  // Loaded from the database when the server is ready, then kept current by market events.
  const matching = new MatchingIndexes(ctx.database, ctx.clock);
  app.decorate("matching", matching);
  app.addHook("onReady", () => matching.start());
  app.addHook("onClose", () => matching.stop());
  const cities = new KnownCities(ctx.database.db);
  app.decorate("cities", cities);
  app.decorateRequest("user", null);
  app.decorateRequest("device", null);
  app.decorateRequest("lang", "zh-CN");
  app.addSchema(ErrorResponse);

  await app.register(cookie);
  registerMetrics(app);
  registerErrorHandling(app);
  registerEnvelopeForEveryError(app);
  registerInputGuard(app);
  registerAccessControl(app);
  await registerSecurityHeaders(app, ctx.config);
  registerCrossSiteCheck(app, ctx.config);
  // Answers over 1 KB go out compressed (the event stream is hijacked and never buffered).
  await app.register(compress, { threshold: 1024 });
  registerIdempotency(app, ctx);
  // Who sent the request, from memory when this instance may trust it (session-cache.ts), or
  // which enrolled device (`Authorization: Device …`); then which city it is in.
  const sessions = new SessionCache(ctx.database);
  await sessions.start();
  app.addHook("onClose", () => sessions.stop());
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    request.user = await userForRequest(ctx, request, sessions);
    request.device = await deviceForRequest(ctx, request);
  });
  registerRequestCity(app, ctx.config, (code) => cities.has(code));

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "linggong 零工市场 API",
        version: "0.1.0",
        description:
          "The city gig-labour market: gigs, bookings, shifts, pay, ratings, stations and monitoring. " +
          "Errors come as { error: { code, message } } with the message in the Accept-Language.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "lg_session" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: DOCS_CONTENT_SECURITY_POLICY });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(systemRoutes);
  for (const module of routeModules) await app.register(module);
  await app.register(webApp);
  return app;
}
