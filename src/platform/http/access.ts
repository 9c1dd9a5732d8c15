/**
 * Who may call a route. Every /api route declares `config.access`; a route without one
 * is refused at start-up, so no route is open by accident.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../db/schema/index.ts";
import { commonErrors, type Lang } from "../errors.ts";

/** "device": only an enrolled device with its own token (src/devices, decision 0011), never a session. */
export type Access = "public" | "signed_in" | "device" | readonly Role[];

/** The enrolled device a request comes from, checked against the database on every request. */
export interface RequestDevice {
  id: string;
  kind: "terminal" | "screen";
  stationId: string;
  cityCode: string;
  districtCode: string;
}

export interface SessionUser {
  id: string;
  role: Role;
  cityCode: string;
  districtCode: string | null;
  stationId: string | null;
  displayName: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    device: RequestDevice | null;
    lang: Lang;
  }
}

export const STAFF_ROLES = [
  "station_staff",
  "district_admin",
  "city_admin",
] as const satisfies readonly Role[];
export const ADMIN_ROLES = ["district_admin", "city_admin"] as const satisfies readonly Role[];
/** Who reads the monitoring platform: the admins, and the province's, read-only, over its cities. */
export const MONITORING_ROLES = [...ADMIN_ROLES, "province_admin"] as const satisfies readonly Role[];
/**
 * Every role that may change anything, even its own notifications: all but the province admin,
 * who only reads (issue 18).
 */
export const WRITING_ROLES = ["worker", "employer", ...STAFF_ROLES] as const satisfies readonly Role[];

export function registerAccessControl(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    if (route.url === "/api/openapi.json") return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined)
      throw new Error(`route ${route.method} ${route.url} does not declare who may call it`);
  });
  app.addHook("preHandler", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    if (access === "device") {
      if (!request.device) throw commonErrors.authentication_required();
      return;
    }
    if (!request.user) throw commonErrors.authentication_required();
    if (access === "signed_in") return;
    if (!access.includes(request.user.role)) throw commonErrors.forbidden();
  });
}

/** The signed-in user; only call on routes whose access is not public. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw commonErrors.authentication_required();
  return request.user;
}
