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
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  options: Options = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        "accept-language": i18n.language,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", i18n.t("common.networkError"));
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    const failure = new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? i18n.t("common.serverError"),
      Number(response.headers.get("retry-after")) || null,
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
