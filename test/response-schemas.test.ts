/**
 * Response serializers and request validators compile on a route's first use (decision 0016), so a
 * schema that cannot be compiled would only fail when that route is first asked. Here the app is
 * built with Fastify's own eager compilers, which compile every route's request and response
 * schemas while the server gets ready: one broken schema anywhere fails this test.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildApp } from "../src/app.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { LogSmsProvider } from "../src/platform/sms.ts";
import { createScratchDatabase } from "./support/database.ts";

test("every route's request and response schemas compile, as they would all at start", async () => {
  const scratch = await createScratchDatabase();
  const app = await buildApp(
    {
      config: { ...loadConfig({}), demo: false, logLevel: "silent" },
      database: scratch.database,
      clock: new ManualClock(new Date()),
      sms: new LogSmsProvider(() => {}),
    },
    { logger: false, schemaController: {} },
  );
  try {
    await app.ready();
    assert.ok(app.printRoutes().length > 0);
  } finally {
    await app.close();
    await scratch.drop();
  }
});
