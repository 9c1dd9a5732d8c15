/**
 * Browser-facing protections (decision 0008): security headers on every answer, no caching
 * of API answers that may carry personal data, and refusal of cross-site state changes made
 * with the session cookie (CSRF).
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { defineErrors } from "../errors.ts";

export const securityErrors = defineErrors({
  cross_site_request: {
    status: 403,
    zh: "请求来自其他网站，已被拒绝。请在零工市场页面内操作",
    en: "This request came from another site and was refused; please use the market's own pages",
  },
});

/**
 * The built web app loads only its own scripts (no inline script). antd writes its styles into
 * <style> elements at run time, hence 'unsafe-inline' for styles only; QR codes are data: images.
 */
/** Where 天地图 serves its map tiles (t0 … t7.tianditu.gov.cn). */
export const TIANDITU_TILE_HOSTS = "https://*.tianditu.gov.cn";

export function appContentSecurityPolicy(config: Pick<Config, "secureCookies">) {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    // 天地图's WMTS map tiles (requested only when a key is configured) are its hosts' images.
    "img-src": ["'self'", "data:", "blob:", TIANDITU_TILE_HOSTS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    // Behind HTTPS only: on a plain-HTTP intranet it would send the browser to a port nobody serves.
    "upgrade-insecure-requests": config.secureCookies ? [] : null,
  };
}

/** Swagger UI (/api/docs) ships its own scripts and styles; its pages get this policy instead. */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

/** API answers that are the same for everyone and may be kept by the browser for a while. */
const SHAREABLE_API_PREFIXES = ["/api/reference"];

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(config) },
    frameguard: { action: "deny" },
    // Keeps the Origin header on same-origin requests (the CSRF check reads it) and sends no
    // address of a page (which may name a gig or a worker) to other sites.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const shareable =
      request.method === "GET" && SHAREABLE_API_PREFIXES.some((p) => request.url.startsWith(p));
    reply.header("cache-control", shareable ? "private, max-age=300" : "no-store");
    // The same address answers for the city the visitor chose (request-city.ts).
    if (shareable) reply.header("vary", "cookie, x-linggong-city");
  });
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a state-changing request may proceed. Bearer-token clients are not browsers riding
 * on a cookie, so only cookie (or anonymous) requests are checked. A browser says where a
 * request comes from with Sec-Fetch-Site, or at least Origin; a request with neither is not
 * from a browser that could be tricked, and goes through.
 */
export function isCrossSite(
  request: Pick<FastifyRequest, "method" | "headers" | "host">,
  allowedOrigins: readonly string[],
): boolean {
  if (!STATE_CHANGING.has(request.method)) return false;
  if (request.headers.authorization?.startsWith("Bearer ")) return false;
  const origin = request.headers.origin;
  if (origin && allowedOrigins.includes(origin)) return false;
  const site = request.headers["sec-fetch-site"];
  if (site) return site !== "same-origin" && site !== "none";
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not our page.
    return true;
  }
}

export function registerCrossSiteCheck(app: FastifyInstance, config: Config): void {
  app.addHook("onRequest", async (request) => {
    if (isCrossSite(request, config.allowedOrigins)) throw securityErrors.cross_site_request();
  });
}
