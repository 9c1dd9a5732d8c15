import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { createScratchDatabase, type ScratchDatabase } from "../../../test/support/database.ts";
import { dataErrorToAppError, sqlStateOf } from "./data-errors.ts";
import { registerErrorHandling } from "./error-handler.ts";

describe("a value the database refuses as data is the caller's 400, not our 500", () => {
  let scratch: ScratchDatabase;
  before(async () => {
    scratch = await createScratchDatabase();
  });
  after(() => scratch.drop());

  const refusal = async (query: ReturnType<typeof sql>) => {
    try {
      await scratch.database.db.execute(query);
    } catch (error) {
      return error;
    }
    assert.fail("the database accepted the value");
  };

  it("recognises the database's own data exceptions through the driver's wrapping", async () => {
    const cases = [
      [sql`select ${"99999999999999999999"}::bigint`, "22003"],
      [sql`select ${"abc"}::int`, "22P02"],
      [sql`select ${"0000-13-45"}::date`, "22008"],
    ] as const;
    for (const [query, state] of cases) {
      const error = await refusal(query);
      assert.equal(sqlStateOf(error), state);
      assert.equal(dataErrorToAppError(error)?.code, "value_out_of_range");
    }
  });

  it("leaves other database errors alone (a missing table is our bug)", async () => {
    const error = await refusal(sql`select * from no_such_table`);
    assert.equal(sqlStateOf(error), "42P01");
    assert.equal(dataErrorToAppError(error), null);
  });

  it("answers 400 value_out_of_range in the envelope when a data exception reaches the handler", async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get("/overflow", async () => {
      throw await refusal(sql`select ${"99999999999999999999"}::bigint`);
    });
    const response = await app.inject({
      method: "GET",
      url: "/overflow",
      headers: { "accept-language": "en" },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      error: {
        code: "value_out_of_range",
        message: "A number, date or text in the request is out of range or malformed",
      },
    });
    await app.close();
  });
});
