/**
 * Configuration from environment variables, read once at start.
 * Every variable has a safe default so `npm start` needs nothing set.
 */
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** A read replica for monitoring reads (DATABASE_READ_URL), and the lag beyond which it is not used. */
  databaseReadUrl: string | undefined;
  maxReplicaLagSeconds: number;
  /** Prepare often-sent statements on the server (DATABASE_PREPARED_STATEMENTS; src/db/statement-names.ts). */
  databasePreparedStatements: boolean;
  /** Where PGlite keeps its files. */
  dataDir: string;
  /** Demo mode: load the demo city and show one-time codes on sign-in screens. */
  demo: boolean;
  /** Cookies get the Secure flag (set when served behind HTTPS). */
  secureCookies: boolean;
  /** Believe X-Forwarded-For (only behind a proxy that sets it; otherwise clients could fake their address). */
  trustProxy: boolean;
  /**
   * The city a request is in when nothing else says (GB/T 2260): not signed in, no enrolled
   * device, no city chosen, no host of `cityHosts` (src/platform/http/request-city.ts).
   */
  defaultCityCode: string;
  /** Host name → city code (LINGGONG_CITY_HOSTS), when a deployment gives each city its own address. */
  cityHosts: Record<string, string>;
  logLevel: string;
  /** The SMS gateway: "log" writes messages to the server log; "aliyun" sends through 阿里云短信服务. */
  smsProvider: "log" | "aliyun";
  /** Private numbers (隐私号) for bookings: off (the default), "log" (development) or "aliyun". */
  numberMasking: "off" | "log" | "aliyun";
  /** 阿里云 account, endpoints, SMS signature and template codes, number pool; checked at start. */
  aliyun: AliyunConfig;
  /**
   * Secret mixed into the hashes of one-time codes, so a copy of the database alone does not
   * give the six-digit codes away. Every instance of a deployment must share the same value.
   */
  otpPepper: string;
  /**
   * Secret of the HMAC under which ID numbers are kept for finding a second registration of the
   * same person (decision 0012). Every instance must share it; changing it orphans the kept digests.
   */
  idNumberPepper: string;
  /**
   * The address people open the app at (https://linggong.example.gov.cn), for links that leave
   * the server: the QR code on a printed job slip. Never taken from a request's Host header.
   */
  publicUrl: string;
  /**
   * Other web origins (scheme://host[:port]) whose pages may change state here with the
   * session cookie, e.g. a second address of the same deployment. The app's own origin needs no entry.
   */
  allowedOrigins: string[];
  /**
   * Bearer token Prometheus sends to read GET /metrics (METRICS_TOKEN); without one, /metrics
   * answers only requests from this machine (src/system/metrics-access.ts).
   */
  metricsToken: string | undefined;
  /** Geocoding and map tiles (src/places/geocoder.ts); without a key, pins fall back to area centres. */
  places: PlacesConfig;
}

export interface PlacesConfig {
  geocoder: "tianditu" | "amap";
  /** 天地图 key: the geocoder and the WMTS map tiles (a browser key; the web app is given it). */
  tiandituKey: string | undefined;
  amapKey: string | undefined;
  /** Base URLs, so tests can point the providers at a local stub. */
  tiandituGeocoderUrl: string;
  amapGeocoderUrl: string;
}

export interface AliyunConfig {
  accessKeyId: string | undefined;
  accessKeySecret: string | undefined;
  smsUrl: string;
  /** The approved signature, without 【】. */
  smsSignName: string;
  /** linggong's template id (SMS_LG_…) → the template code the gateway approved. */
  smsTemplateCodes: Record<string, string>;
  numbersUrl: string;
  /** 号码池Key of the private-number pool. */
  numberPoolKey: string | undefined;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  const chosen = (value || allowed[0]) as T;
  if (!allowed.includes(chosen))
    throw new Error(`${name} must be one of ${allowed.join(", ")}, not ${value}`);
  return chosen;
}

function templateCodesOf(value: string | undefined): Record<string, string> {
  if (!value) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error("LINGGONG_SMS_TEMPLATE_CODES must be a JSON object of template id → code");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error("LINGGONG_SMS_TEMPLATE_CODES must be a JSON object of template id → code");
  return Object.fromEntries(Object.entries(parsed).map(([id, code]) => [id, String(code)]));
}

function aliyunOf(env: NodeJS.ProcessEnv, smsProvider: string, numberMasking: string): AliyunConfig {
  const aliyun: AliyunConfig = {
    accessKeyId: env.LINGGONG_ALIYUN_ACCESS_KEY_ID || undefined,
    accessKeySecret: env.LINGGONG_ALIYUN_ACCESS_KEY_SECRET || undefined,
    smsUrl: env.LINGGONG_ALIYUN_SMS_URL || "https://dysmsapi.aliyuncs.com/",
    smsSignName: env.LINGGONG_SMS_SIGN_NAME || "零工市场",
    smsTemplateCodes: templateCodesOf(env.LINGGONG_SMS_TEMPLATE_CODES),
    numbersUrl: env.LINGGONG_ALIYUN_NUMBERS_URL || "https://dyplsapi.aliyuncs.com/",
    numberPoolKey: env.LINGGONG_NUMBER_POOL_KEY || undefined,
  };
  const usesAliyun = smsProvider === "aliyun" || numberMasking === "aliyun";
  if (usesAliyun && (!aliyun.accessKeyId || !aliyun.accessKeySecret))
    throw new Error(
      "LINGGONG_ALIYUN_ACCESS_KEY_ID and LINGGONG_ALIYUN_ACCESS_KEY_SECRET are needed for the aliyun providers",
    );
  if (numberMasking === "aliyun" && !aliyun.numberPoolKey)
    throw new Error("LINGGONG_NUMBER_POOL_KEY is needed for LINGGONG_NUMBER_MASKING=aliyun");
  return aliyun;
}

/** "nanjing.example.gov.cn=320100,zj.example.gov.cn=321100" → { host: code }. */
function cityHostsOf(value: string | undefined): Record<string, string> {
  const hosts: Record<string, string> = {};
  for (const entry of (value ?? "").split(",")) {
    if (!entry.trim()) continue;
    const [host, code] = entry.split("=").map((part) => part.trim());
    if (!host || !code || !/^\d{6}$/.test(code))
      throw new Error(`LINGGONG_CITY_HOSTS must list host=city code pairs (a 6-digit code), not ${entry}`);
    hosts[host.toLowerCase()] = code;
  }
  return hosts;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "on"].includes(value.toLowerCase());
}

/** The configured public URL without a trailing slash; by default the address the server listens on. */
function publicUrlOf(value: string | undefined, host: string, port: number): string {
  const local = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  const url = new URL(value || local);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`LINGGONG_PUBLIC_URL must be an http or https URL, not ${value}`);
  return url.toString().replace(/\/+$/, "");
}

function secondsOf(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`${name} must be a number of seconds, not ${value}`);
  return seconds;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const smsProvider = oneOf("LINGGONG_SMS_PROVIDER", env.LINGGONG_SMS_PROVIDER, ["log", "aliyun"] as const);
  const numberMasking = oneOf("LINGGONG_NUMBER_MASKING", env.LINGGONG_NUMBER_MASKING, [
    "off",
    "log",
    "aliyun",
  ] as const);
  // Demo mode is on by default only on the embedded database, and never with a real SMS provider.
  const demo = bool(env.LINGGONG_DEMO, databaseUrl === undefined) && smsProvider === "log";
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST || "127.0.0.1";
  return {
    port,
    host,
    databaseUrl,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    maxReplicaLagSeconds: secondsOf("DATABASE_READ_MAX_LAG_SECONDS", env.DATABASE_READ_MAX_LAG_SECONDS, 30),
    databasePreparedStatements: bool(env.DATABASE_PREPARED_STATEMENTS, true),
    dataDir: path.resolve(env.LINGGONG_DATA_DIR || "data"),
    demo,
    secureCookies: bool(env.LINGGONG_SECURE_COOKIES, false),
    trustProxy: bool(env.LINGGONG_TRUST_PROXY, false),
    defaultCityCode: env.LINGGONG_CITY || "321100",
    cityHosts: cityHostsOf(env.LINGGONG_CITY_HOSTS),
    logLevel: env.LOG_LEVEL || "info",
    smsProvider,
    numberMasking,
    aliyun: aliyunOf(env, smsProvider, numberMasking),
    otpPepper: env.LINGGONG_OTP_PEPPER || "linggong-development-pepper",
    idNumberPepper: env.LINGGONG_ID_PEPPER || "linggong-development-id-pepper",
    publicUrl: publicUrlOf(env.LINGGONG_PUBLIC_URL, host, port),
    allowedOrigins: (env.LINGGONG_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    metricsToken: env.METRICS_TOKEN || undefined,
    places: {
      geocoder: env.LINGGONG_GEOCODER === "amap" ? "amap" : "tianditu",
      tiandituKey: env.LINGGONG_TIANDITU_KEY || undefined,
      amapKey: env.LINGGONG_AMAP_KEY || undefined,
      tiandituGeocoderUrl: env.LINGGONG_TIANDITU_GEOCODER_URL || "http://api.tianditu.gov.cn/geocoder",
      amapGeocoderUrl: env.LINGGONG_AMAP_GEOCODER_URL || "https://restapi.amap.com/v3/geocode/geo",
    },
  };
}
