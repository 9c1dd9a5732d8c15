/**
 * The one way the web app talks to the server. Errors arrive as `{ error: { code, message } }`
 * with the message already in the user's language, so screens show `error.message` as is.
 */
import i18n from "./i18n.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After: how long the server asks the user to wait (a sign-in limit). */
    readonly retryAfterSeconds: number | null = null,
    /** What the server sent to act on, e.g. the existing record behind a 409. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Called when the server says the session is gone; each app sends the user to its sign-in. */
let onSignedOut: ((error: ApiError) => void) | null = null;
export function setSignedOutHandler(handler: ((error: ApiError) => void) | null): void {
  onSignedOut = handler;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "" && value !== false)
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface Options {
  /** A 401 here is an answer ("nobody is signed in"), not a lost session to recover from. */
  signedOutIsAnswer?: boolean;
  /** Extra headers, e.g. a device's `Authorization: Device …` (src/devices, decision 0011). */
  headers?: Record<string, string>;
}

/** Methods that change something: each call gets its own Idempotency-Key (decision 0007). */
const COMMANDS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** A command whose answer was lost is sent once more, with the same key, after this pause. */
const RETRY_AFTER_MS = 1_000;

/** A fresh key; getRandomValues also works on plain-HTTP intranet hosts, where randomUUID does not. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The answer is unknown or not ready: the same command may be sent again under its key. */
function worthRetrying(response: Response | null, data: unknown): boolean {
  if (response === null) return true;
  if (response.status === 503) return true;
  const code = (data as { error?: { code?: string } } | null)?.error?.code;
  return response.status === 409 && code === "idempotency_in_progress";
}

async function send(
  method: string,
  path: string,
  body: unknown,
  key: string | null,
  headers: Record<string, string> = {},
) {
  try {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        "accept-language": i18n.language,
        ...headers,
        ...(key === null ? {} : { "idempotency-key": key }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { response, data: text ? (JSON.parse(text) as unknown) : null };
  } catch {
    return { response: null, data: null };
  }
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  options: Options = {},
): Promise<T> {
  const key = COMMANDS.has(method) ? newIdempotencyKey() : null;
  let { response, data } = await send(method, path, body, key, options.headers);
  if (key !== null && worthRetrying(response, data)) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    ({ response, data } = await send(method, path, body, key, options.headers));
  }
  if (response === null) throw new ApiError(0, "network_error", i18n.t("common.networkError"));
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const failure = new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? i18n.t("common.serverError"),
      Number(response.headers.get("retry-after")) || null,
      error?.details,
    );
    if (response.status === 401 && !options.signedOutIsAnswer) onSignedOut?.(failure);
    throw failure;
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query) => api<T>("GET", withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>("POST", path, body);
export const put = <T>(path: string, body: unknown) => api<T>("PUT", path, body);

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Lists come as `{ items }`; a plain array is accepted too, so a screen does not care which. */
export function itemsOf<T>(answer: T[] | { items: T[] } | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
