/** Turns every failure into `{ error: { code, message } }` in the caller's language; never leaks a stack. */
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError, commonErrors, messageFor, pickLang } from "../errors.ts";
import { dataErrorToAppError } from "./data-errors.ts";
import { classifyDatabaseError } from "./database-errors.ts";
import { errorForStatus } from "./framework-errors.ts";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function toAppError(error: FastifyError): { appError: AppError; details?: unknown } {
  if (error instanceof AppError) return { appError: error };
  if (error.validation) {
    const first = error.validation[0];
    const where = `${error.validationContext ?? ""}${first?.instancePath ?? ""}`;
    const detail = `${where} ${first?.message ?? ""}`.trim();
    return { appError: commonErrors.invalid_request({ detail }), details: error.validation };
  }
  const status = error.statusCode ?? 500;
  if (status === 400) return { appError: commonErrors.invalid_request({ detail: error.message }) };
  if (status > 400 && status < 500) return { appError: errorForStatus(status) };
  const fromDatabase = classifyDatabaseError(error) ?? dataErrorToAppError(error);
  if (fromDatabase) return { appError: fromDatabase };
  // A unique-constraint race that a service did not foresee is still the caller's conflict, not our crash.
  if ((error as { code?: string }).code === "23505") return { appError: commonErrors.conflict() };
  return { appError: commonErrors.internal_error() };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    request.lang = pickLang(request.headers["accept-language"]);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { appError, details } = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    const body: ErrorBody = { error: { code: appError.code, message: appError.messageIn(request.lang) } };
    const shown = details ?? appError.details;
    if (shown) body.error.details = shown;
    // An error that knows when to come back (a sign-in limit) says so the standard way too.
    const retryAfter = appError.params.retryAfterSeconds;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    return reply.status(appError.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = pickLang(request.headers["accept-language"]);
    return reply
      .status(404)
      .send({ error: { code: "route_not_found", message: messageFor("route_not_found", lang) } });
  });
}
