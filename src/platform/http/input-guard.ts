/**
 * What every route refuses before its handler runs, whatever its schema says: text the database
 * cannot store (NUL characters; unpaired UTF-16 surrogates, which PostgreSQL refuses in jsonb),
 * numbers that are not finite ("Infinity", "1e309" and "NaN" coerce to numbers that slip past
 * minimum and maximum), and dates outside the years a gig market can mean.
 */
import type { Ajv, FormatDefinition } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { commonErrors } from "../errors.ts";

/** Dates and times before or after these years are typing mistakes or probes, never gigs. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

function yearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return /^\d{4}-/.test(text) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** The `date` and `date-time` formats of ajv-formats, bounded to EARLIEST_YEAR..LATEST_YEAR. */
export function boundDateFormats(ajv: Ajv): void {
  for (const name of ["date", "date-time"] as const) {
    const full = fullFormats[name] as { validate: (text: string) => boolean } & FormatDefinition<string>;
    ajv.addFormat(name, {
      type: "string",
      validate: (text: string) => full.validate(text) && yearInRange(text),
      compare: full.compare,
    });
  }
}

const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

function problemWithText(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (UNPAIRED_SURROGATE.test(text)) return "contains an unpaired UTF-16 surrogate";
  return null;
}

/**
 * The first value under `root` no route may receive, as "where what", or null.
 * Iterative, so a deeply nested JSON body cannot exhaust the stack.
 */
export function findUnacceptableValue(root: unknown, rootName: string): string | null {
  const pending: Array<[unknown, string]> = [[root, rootName]];
  while (pending.length > 0) {
    const [value, where] = pending.pop() as [unknown, string];
    if (typeof value === "string") {
      const problem = problemWithText(value);
      if (problem) return `${where} ${problem}`;
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) return `${where} must be a finite number`;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push([item, `${where}/${i}`]);
      });
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const problem = problemWithText(key);
        if (problem) return `${where} has a field name that ${problem}`;
        pending.push([item, `${where}/${key}`]);
      }
    }
  }
  return null;
}

function checkRequest(request: FastifyRequest): void {
  const parts: Array<[unknown, string]> = [
    [request.params, "params"],
    [request.query, "querystring"],
    [request.body, "body"],
    [request.headers, "headers"],
  ];
  for (const [value, name] of parts) {
    const detail = findUnacceptableValue(value, name);
    if (detail) throw commonErrors.invalid_request({ detail });
  }
}

/** Runs after schema validation (so coerced numbers are seen) and before access checks and handlers. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook("preHandler", async (request) => checkRequest(request));
}
