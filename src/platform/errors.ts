/**
 * Errors with a stable code and a message in Chinese and English.
 * Each area defines its own with `defineErrors`; the HTTP layer renders them in the
 * caller's language (Accept-Language) and tests assert the code.
 */
export type Lang = "zh-CN" | "en";

export interface ErrorSpec {
  status: number;
  /** Message shown to users; `{name}` is filled from the error's params. */
  zh: string;
  en: string;
}

const registry = new Map<string, ErrorSpec>();

export class AppError extends Error {
  /** Sent with the error for the client to act on, e.g. the existing record behind a 409. */
  details: unknown;

  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  withDetails(details: unknown): this {
    this.details = details;
    return this;
  }

  messageIn(lang: Lang): string {
    return messageFor(this.code, lang, this.params);
  }
}

export function messageFor(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const spec = registry.get(code);
  const template = spec ? (lang === "en" ? spec.en : spec.zh) : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

type Factories<T> = { [K in keyof T]: (params?: Record<string, string | number>) => AppError };

/** Registers error codes and returns one factory per code: `errors.gig_full()`. */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): Factories<T> {
  const factories = {} as Record<string, (params?: Record<string, string | number>) => AppError>;
  for (const [code, spec] of Object.entries(specs)) {
    const existing = registry.get(code);
    if (existing && (existing.zh !== spec.zh || existing.status !== spec.status)) {
      throw new Error(`error code ${code} defined twice with different meanings`);
    }
    registry.set(code, spec);
    factories[code] = (params) => new AppError(code, spec.status, params);
  }
  return factories as Factories<T>;
}

export function allErrorCodes(): ReadonlyMap<string, ErrorSpec> {
  return registry;
}

/** Errors every area may raise. */
export const commonErrors = defineErrors({
  invalid_request: { status: 400, zh: "请求内容有误：{detail}", en: "The request is not valid: {detail}" },
  not_found: { status: 404, zh: "找不到该内容", en: "Not found" },
  route_not_found: { status: 404, zh: "没有这个接口", en: "No such endpoint" },
  authentication_required: { status: 401, zh: "请先登录", en: "Please sign in first" },
  forbidden: { status: 403, zh: "您没有权限进行此操作", en: "You are not allowed to do this" },
  out_of_scope: { status: 403, zh: "超出您的管辖范围", en: "This is outside the area you administer" },
  conflict: {
    status: 409,
    zh: "数据已被他人修改，请刷新后重试",
    en: "Someone else changed this; refresh and try again",
  },
  payload_too_large: { status: 413, zh: "提交的内容过大", en: "The request is too large" },
  rate_limited: {
    status: 429,
    zh: "操作过于频繁，请稍后再试",
    en: "Too many attempts; please wait and try again",
  },
  internal_error: {
    status: 500,
    zh: "系统繁忙，请稍后再试",
    en: "Something went wrong on our side; please try again",
  },
  unavailable: { status: 503, zh: "服务暂不可用", en: "The service is not available right now" },
});

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
