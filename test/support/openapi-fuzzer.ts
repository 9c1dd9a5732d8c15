/**
 * Generates requests for an OpenAPI operation: mostly valid ones, each with one field
 * replaced by something a careless or hostile client sends (NUL bytes, lone surrogates,
 * "Infinity", numbers beyond bigint, far dates, wrong types, missing fields).
 * Seeded, so a failing request can be replayed.
 */

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  body?: JsonSchema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  /** Raw JSON text, so numbers such as 1e309 reach the parser as written. */
  payload?: string;
  headers: Record<string, string>;
  /** What was changed from a valid request, for the failure report. */
  mutation: string;
}

/** A small deterministic random number generator (LCG). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Stands in the JSON text for a number JSON.stringify cannot write. */
const RAW = "\u0001raw:";

/** Values as a query string or path carries them (always text). */
const HOSTILE_TEXT = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "NaN",
  "-1",
  "0",
  "1.5",
  "2147483648",
  "9223372036854775808",
  "99999999999999999999999",
  "0001-01-01",
  "9999-12-31",
  "+275760-09-13",
  "0000-00-00",
  "2026-02-30",
  "0001-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.000Z",
  "",
  " ",
  "x".repeat(5000),
  "not-an-id",
  "00000000-0000-0000-0000-000000000000",
  "true",
  "null",
  "%",
  "%E0%A4%A",
  "../../etc/passwd",
];

/** Values a JSON body carries: the texts above and values of every other type. */
const HOSTILE_JSON: unknown[] = [
  ...HOSTILE_TEXT,
  `${RAW}1e309`,
  `${RAW}-1e309`,
  1e308,
  -1e308,
  2 ** 53 + 2,
  1e20,
  -2147483649,
  0.5,
  -1,
  0,
  null,
  true,
  [],
  {},
  [["\u0000"]],
  { nested: "\ud800" },
];

/** Hostile values aimed at a field's kind: numbers for numbers, far dates for dates, bad text for text. */
const AIMED_NUMBERS = [
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "NaN",
  "9223372036854775808",
  "2147483648",
  "-1",
];
const AIMED_DATES = [
  "0001-01-01",
  "9999-12-31",
  "+275760-09-13",
  "0001-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.000Z",
];
const AIMED_TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfffy"];

function kindOf(schema: JsonSchema): "number" | "date" | "text" | "other" {
  const inner = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
  if (inner.type === "integer" || inner.type === "number") return "number";
  if (inner.format === "date" || inner.format === "date-time" || inner.pattern?.includes("\\d{4}-"))
    return "date";
  if (inner.type === "string" && !inner.enum) return "text";
  return "other";
}

const PATTERN_SAMPLES = [
  "321111",
  "13912345678",
  "320102199001011234",
  "A",
  "cleaning",
  "admin.city",
  "1-01-01-01",
  "0511-85000000",
  "a valid text",
];

export class RequestGenerator {
  constructor(
    private readonly rand: () => number,
    /** Real ids of the market, so valid requests reach the services. */
    private readonly ids: string[],
    private readonly now: Date,
  ) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  /** Most often a value aimed at the field's kind, else anything from the general list. */
  private hostile<T>(schema: JsonSchema, general: readonly T[]): T | string {
    const aimed = { number: AIMED_NUMBERS, date: AIMED_DATES, text: AIMED_TEXT, other: [] }[kindOf(schema)];
    if (aimed.length > 0 && this.rand() < 0.6) return this.pick(aimed);
    return this.pick(general);
  }

  /** A value the schema accepts (as far as the generator knows schemas). */
  valid(schema: JsonSchema, depth = 0): unknown {
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return this.valid(this.pick(choices.filter((s) => s.type !== "null")), depth);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return this.pick(schema.enum);
    switch (schema.type) {
      case "string":
        return this.validString(schema);
      case "integer":
      case "number": {
        const low = schema.minimum ?? 0;
        const high = Math.min(schema.maximum ?? low + 100, low + 100);
        const value = low + this.rand() * (high - low);
        return schema.type === "integer" ? Math.round(value) : Math.round(value * 1e4) / 1e4;
      }
      case "boolean":
        return this.rand() < 0.5;
      case "array": {
        const count = Math.max(schema.minItems ?? 0, depth > 2 ? 0 : 1);
        return Array.from({ length: count }, () => this.valid(schema.items ?? {}, depth + 1));
      }
      case "object": {
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(name) || this.rand() < 0.5)
            out[name] = this.valid(property, depth + 1);
        }
        return out;
      }
      default:
        return "x";
    }
  }

  private validString(schema: JsonSchema): string {
    const day = 86_400_000;
    if (schema.format === "uuid") return this.pick(this.ids);
    if (schema.format === "date-time") return new Date(this.now.getTime() + day).toISOString();
    if (schema.format === "date" || schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$")
      return new Date(this.now.getTime() + day).toISOString().slice(0, 10);
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      const sample = PATTERN_SAMPLES.find((candidate) => pattern.test(candidate));
      if (sample) return sample;
    }
    const length = Math.max(schema.minLength ?? 0, 4);
    return "镇江保洁".repeat(length).slice(0, Math.min(length, schema.maxLength ?? length));
  }

  /** One request for the operation: valid, or with one thing changed. */
  request(op: Operation, headers: Record<string, string>): FuzzRequest {
    const path: Record<string, string> = {};
    const query: Record<string, string> = {};
    for (const p of op.parameters) {
      if (p.in === "path") path[p.name] = String(this.valid(p.schema));
      else if (p.in === "query" && (p.required || this.rand() < 0.5))
        query[p.name] = String(this.valid(p.schema));
    }
    let body = op.body ? this.valid(op.body) : undefined;
    const outHeaders = { ...headers };
    let mutation = "none";

    const roll = this.rand();
    const params = op.parameters;
    if (roll < 0.2) {
      // left valid
    } else if (roll < 0.55 && params.length > 0) {
      const p = this.pick(params);
      const value = String(this.hostile(p.schema, HOSTILE_TEXT));
      (p.in === "path" ? path : query)[p.name] = value;
      mutation = `${p.in} ${p.name}=${JSON.stringify(value).slice(0, 40)}`;
    } else if (roll < 0.9 && op.body) {
      const changed = this.mutateBody(op.body, body);
      body = changed.body;
      mutation = `body ${changed.description}`;
    } else if (roll < 0.95) {
      const value = this.pick(HOSTILE_TEXT.filter(isHeaderSafe));
      const header = this.pick(["accept-language", "x-forwarded-for", "authorization", "cookie"]);
      outHeaders[header] =
        header === "authorization" ? `Bearer ${value}` : header === "cookie" ? `lg_session=${value}` : value;
      mutation = `header ${header}=${JSON.stringify(value).slice(0, 40)}`;
    } else if (op.body) {
      body = this.pick([undefined, "not json", [body], JSON.stringify(body).slice(0, 5)]);
      mutation = `whole body ${JSON.stringify(body)?.slice(0, 40)}`;
    }

    let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeText(path[name] ?? ""));
    const search = Object.entries(query)
      .map(([name, value]) => `${name}=${encodeText(value)}`)
      .join("&");
    if (search) url += `?${search}`;
    const payload =
      body === undefined
        ? undefined
        : typeof body === "string" && mutation.startsWith("whole body")
          ? body
          : JSON.stringify(body).replace(/"\\u0001raw:([^"]*)"/g, "$1");
    if (payload !== undefined) outHeaders["content-type"] = "application/json";
    return { method: op.method, url, payload, headers: outHeaders, mutation };
  }

  /** Replaces or removes one field, at any depth, of a valid body. */
  private mutateBody(schema: JsonSchema, body: unknown): { body: unknown; description: string } {
    if (schema.type !== "object" || typeof body !== "object" || body === null || Array.isArray(body)) {
      return { body: this.pick(HOSTILE_JSON), description: "replaced" };
    }
    const names = Object.keys(schema.properties ?? {});
    if (names.length === 0) return { body: { extra: this.pick(HOSTILE_JSON) }, description: "extra field" };
    const name = this.pick(names);
    const out = { ...(body as Record<string, unknown>) };
    if (this.rand() < 0.1) {
      delete out[name];
      return { body: out, description: `${name} missing` };
    }
    const property = schema.properties?.[name] ?? {};
    if (property.type === "object" && out[name] !== undefined && this.rand() < 0.5) {
      const inner = this.mutateBody(property, out[name]);
      out[name] = inner.body;
      return { body: out, description: `${name}.${inner.description}` };
    }
    const value = this.hostile(property, HOSTILE_JSON);
    out[name] = property.type === "array" && this.rand() < 0.5 ? [value] : value;
    return { body: out, description: `${name}=${JSON.stringify(out[name])?.slice(0, 40)}` };
  }
}

/** Percent-encodes text; a lone surrogate goes as the bytes a naive encoder writes for it. */
function encodeText(value: string): string {
  if (value.startsWith("%")) return value; // bad URL encoding, sent as it is
  let out = "";
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Node's HTTP parser refuses control characters in headers before any route sees them; send printable ASCII. */
function isHeaderSafe(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}
