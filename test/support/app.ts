/**
 * Starts the application against a scratch database for one test file.
 * `inject` sends requests without a socket; `listen()` gives a real port for
 * concurrency tests, and `secondInstance()` a second server on the same database.
 */
import type { LightMyRequestResponse } from "fastify";
import { startSession } from "../../src/accounts/session.service.ts";
import { buildApp } from "../../src/app.ts";
import { connect } from "../../src/db/client.ts";
import { type LegalDocumentKind, type Role, users } from "../../src/db/schema/index.ts";
import { type Clock, ManualClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { AppContext } from "../../src/platform/context.ts";
import type { App } from "../../src/platform/http/types.ts";
import { LogSmsProvider } from "../../src/platform/sms.ts";
import { LEGAL_TEXTS } from "../../src/privacy/legal-texts.ts";
import { loadReferenceData } from "../../src/reference/reference.loader.ts";
import { createScratchDatabase, type ScratchDatabase } from "./database.ts";

export interface TestApp {
  app: App;
  ctx: AppContext;
  sms: LogSmsProvider;
  clock: Clock;
  scratch: ScratchDatabase;
  /** Sends a request; `as` is a bearer token; `headers` any others (a chosen city). */
  request(
    method: string,
    url: string,
    options?: { as?: string; body?: unknown; lang?: string; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Creates an account of a role directly and returns a bearer token for it. */
  tokenFor(
    role: Role,
    extra?: Partial<typeof users.$inferInsert>,
  ): Promise<{ token: string; userId: string }>;
  /** Starts a second server instance on the same database (PostgreSQL only). */
  secondInstance(): Promise<{ app: App; close(): Promise<void> }>;
  close(): Promise<void>;
}

export const TEST_CITY = "321100";

let phoneCounter = 0;
/** A unique, valid mainland mobile number for this process. */
export function testPhone(): string {
  phoneCounter += 1;
  const tail = `${process.pid % 10000}`.padStart(4, "0") + `${phoneCounter}`.padStart(5, "0");
  return `139${tail.slice(-8)}`;
}

export async function startTestApp(options: { clock?: Clock } = {}): Promise<TestApp> {
  const scratch = await createScratchDatabase();
  const config = { ...loadConfig({}), demo: false, logLevel: "silent" };
  const sms = new LogSmsProvider(() => {});
  const clock = options.clock ?? new ManualClock(new Date());
  const ctx: AppContext = { config, database: scratch.database, clock, sms };
  await loadReferenceData(scratch.database.db);
  const app = await buildApp(ctx, { logger: process.env.TEST_LOG ? { level: "error" } : false });
  await app.ready();

  return {
    app,
    ctx,
    sms,
    clock,
    scratch,
    request: (method, url, opts = {}) =>
      app.inject({
        method: method as "GET",
        url,
        payload: opts.body as string | undefined,
        headers: {
          ...(opts.as ? { authorization: `Bearer ${opts.as}` } : {}),
          ...(opts.lang ? { "accept-language": opts.lang } : {}),
          ...opts.headers,
        },
      }),
    tokenFor: async (role, extra = {}) => {
      const [user] = await scratch.database.db
        .insert(users)
        .values({
          cityCode: TEST_CITY,
          role,
          phone: role === "worker" || role === "employer" ? testPhone() : null,
          displayName: `${role} ${phoneCounter}`,
          ...extra,
        })
        .returning({ id: users.id });
      const { token } = await startSession(ctx, user.id);
      return { token, userId: user.id };
    },
    secondInstance: async () => {
      if (!scratch.url) throw new Error("a second instance needs PostgreSQL (TEST_DATABASE_URL)");
      const database = await connect({ databaseUrl: scratch.url, poolSize: 20 });
      const second = await buildApp({ ...ctx, database }, { logger: false });
      await second.ready();
      return {
        app: second,
        close: async () => {
          await second.close();
          await database.close();
        },
      };
    },
    close: async () => {
      await app.close();
      await scratch.drop();
    },
  };
}

const newest = (kind: LegalDocumentKind) =>
  Math.max(...LEGAL_TEXTS.filter((text) => text.kind === kind).map((text) => text.version));
/** Acceptance of the shipped 用户协议 and 隐私政策, as a sign-in screen sends it. */
export const ACCEPTED_CONSENT = { termsVersion: newest("terms"), privacyVersion: newest("privacy") };
