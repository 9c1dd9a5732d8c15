/**
 * Which city a request is in (issue 18: one deployment, several cities, each request scoped to
 * one). Decided once, here, and read by routes as `request.cityCode`. A signed-in user and an
 * enrolled device are in their own city whatever else the request says, so nobody reads across
 * cities by naming another one; a visitor chooses (the web app's chooser sets the cookie, an API
 * client the header), or the address she opened says, or the deployment's default city.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { httpErrors } from "./http.errors.ts";

const CITY_HEADER = "x-linggong-city";
const CITY_COOKIE = "linggong_city";
/** GB/T 2260: anything else is refused without asking the database. */
const CITY_CODE = /^\d{6}$/;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The answer is the same in every city, so a stale or unknown choice of city does not block it. */
    anyCity?: boolean;
  }
  interface FastifyRequest {
    /** The city this request is in (GB/T 2260 code). */
    cityCode: string;
  }
}

export interface CityClues {
  userCity: string | null;
  deviceCity: string | null;
  /** The header, else the cookie. */
  chosen: string | null;
  /** The city the host name maps to in LINGGONG_CITY_HOSTS. */
  hostCity: string | null;
  defaultCity: string;
}

/** Whose word counts, first to last; `mustExist` when the city came from the caller, not from us. */
export function chooseCity(clues: CityClues): { code: string; mustExist: boolean } {
  const own = clues.userCity ?? clues.deviceCity;
  if (own) return { code: own, mustExist: false };
  if (clues.chosen) return { code: clues.chosen, mustExist: true };
  if (clues.hostCity) return { code: clues.hostCity, mustExist: true };
  return { code: clues.defaultCity, mustExist: false };
}

function chosenCity(request: FastifyRequest): string | null {
  const header = request.headers[CITY_HEADER];
  const value = (Array.isArray(header) ? header[0] : header) || request.cookies[CITY_COOKIE];
  return value?.trim() || null;
}

/** After the hook that knows the user and the device: sets `request.cityCode` on every /api request. */
export function registerRequestCity(
  app: FastifyInstance,
  config: Config,
  isKnown: (code: string) => Promise<boolean>,
): void {
  app.decorateRequest("cityCode", config.defaultCityCode);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const { code, mustExist } = chooseCity({
      userCity: request.user?.cityCode ?? null,
      deviceCity: request.device?.cityCode ?? null,
      chosen: chosenCity(request),
      hostCity: config.cityHosts[request.hostname.toLowerCase()] ?? null,
      defaultCity: config.defaultCityCode,
    });
    request.cityCode = code;
    if (!mustExist || (CITY_CODE.test(code) && (await isKnown(code)))) return;
    if (!request.routeOptions.config?.anyCity) throw httpErrors.city_unknown();
    request.cityCode = config.defaultCityCode;
  });
}
