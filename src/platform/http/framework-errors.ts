/**
 * Answers Fastify and Node.js give on their own (a URL that is not valid percent-encoding, a path
 * parameter over the router's limit, headers too large, a timeout, a status a route or plugin
 * sends with a bare body) in the API's envelope, `{ error: { code, message } }`, like every answer.
 */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from "fastify";
import { AppError, commonErrors, pickLang } from "../errors.ts";
import { httpErrors } from "./http.errors.ts";

/** The error an HTTP status stands for, when nothing more precise is known. */
export function errorForStatus(status: number): AppError {
  const known: Record<number, () => AppError> = {
    400: () => commonErrors.invalid_request({ detail: "malformed request" }),
    401: commonErrors.authentication_required,
    403: commonErrors.forbidden,
    404: commonErrors.not_found,
    405: httpErrors.method_not_allowed,
    408: httpErrors.request_timeout,
    409: commonErrors.conflict,
    413: commonErrors.payload_too_large,
    414: httpErrors.uri_too_long,
    415: httpErrors.unsupported_media_type,
    429: commonErrors.rate_limited,
    431: httpErrors.headers_too_large,
    503: commonErrors.unavailable,
  };
  const make = known[status];
  if (make) return make();
  if (status >= 500) return commonErrors.internal_error();
  return new AppError("invalid_request", status, { detail: "malformed request" });
}

function envelope(error: AppError, lang: ReturnType<typeof pickLang>): string {
  return JSON.stringify({ error: { code: error.code, message: error.messageIn(lang) } });
}

/** Errors the router meets before any route or hook: a malformed URL, an over-long path parameter. */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? httpErrors.uri_too_long()
      : error.code === "FST_ERR_BAD_URL"
        ? commonErrors.invalid_request({ detail: "URL is not correctly percent-encoded" })
        : errorForStatus(error.statusCode ?? 500);
  reply
    .status(appError.status)
    .type("application/json; charset=utf-8")
    .send(envelope(appError, pickLang(request.headers["accept-language"])));
}

/** Errors Node's HTTP parser meets before Fastify sees a request (431, 408, malformed requests). */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const appError =
    error.code === "HPE_HEADER_OVERFLOW"
      ? httpErrors.headers_too_large()
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? httpErrors.request_timeout()
        : commonErrors.invalid_request({ detail: "malformed HTTP request" });
  // The headers were not parsed, so Accept-Language is unknown: the default language answers.
  const body = envelope(appError, "zh-CN");
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\n` +
        "Content-Type: application/json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Server options that route Fastify's and Node's own error answers through the envelope. */
export const frameworkErrorOptions = {
  frameworkErrors,
  clientErrorHandler,
} satisfies FastifyServerOptions;

/** The API and the probes; pages and assets answer as the web app decides. */
const API_PATH = /^\/(api\/|healthz|readyz)/;

function isEnvelope(value: unknown): boolean {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/**
 * The last line of defence: an error status sent with a body that is not the envelope (a route's
 * own probe answer, a plugin's default) gets the envelope, keeping the body's own fields beside it.
 */
export function registerEnvelopeForEveryError(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode < 400 || !API_PATH.test(request.url)) return payload;
    if (!(payload === null || payload === undefined || typeof payload === "string")) return payload;
    let original: unknown = null;
    try {
      original = payload ? JSON.parse(payload) : null;
    } catch {
      original = null;
    }
    if (isEnvelope(original)) return payload;
    const appError = errorForStatus(reply.statusCode);
    const kept = original && typeof original === "object" && !Array.isArray(original) ? original : {};
    reply.type("application/json; charset=utf-8");
    return JSON.stringify({
      ...kept,
      error: {
        code: appError.code,
        message: appError.messageIn(pickLang(request.headers["accept-language"])),
      },
    });
  });
}
