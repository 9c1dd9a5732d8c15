import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { createScratchDatabase, type ScratchDatabase, usingPostgres } from "../../test/support/database.ts";
import { connect, type Database, queryRows } from "./client.ts";
import { runTagged } from "./request-tag.ts";
import { users } from "./schema/index.ts";
import { StatementNames } from "./statement-names.ts";

describe("statement names", () => {
  it("names a text on its fifth run and keeps the name; other texts are counted apart", () => {
    const names = new StatementNames();
    const runs = Array.from({ length: 7 }, () => names.nameFor("select 1 where $1"));
    assert.deepEqual(runs.slice(0, 4), [undefined, undefined, undefined, undefined]);
    assert.ok(runs[4]);
    assert.equal(runs[5], runs[4]);
    assert.equal(runs[6], runs[4]);
    assert.equal(names.nameFor("select 2 where $1"), undefined);
  });

  it("gives no more than its bound of names: past it, every new text stays unnamed", () => {
    const names = new StatementNames(1, 3);
    const given = ["a", "b", "c", "d", "e"].map((text) => names.nameFor(text));
    assert.equal(new Set(given.slice(0, 3)).size, 3);
    assert.deepEqual(given.slice(3), [undefined, undefined]);
    assert.equal(names.nameFor("a"), given[0], "a named text keeps its name");
    assert.equal(names.size, 3);
  });
});

/** The statements this connection has prepared, by text (pg_prepared_statements is per session). */
async function preparedTexts(database: Database): Promise<string[]> {
  const rows = await queryRows<{ statement: string }>(
    database.db,
    sql`select statement from pg_prepared_statements`,
  );
  return rows.map((r) => r.statement);
}

describe("prepared statements on PostgreSQL", { skip: !usingPostgres() && "needs PostgreSQL" }, () => {
  let scratch: ScratchDatabase;
  const opened: Database[] = [];
  /** One pooled connection, so every statement below runs in the session that is asked about. */
  const onOneConnection = async (preparedStatements?: boolean) => {
    const database = await connect({ databaseUrl: scratch.url, poolSize: 1, preparedStatements });
    opened.push(database);
    return database;
  };
  const findUser = (database: Database, id: string) =>
    database.db.select({ id: users.id }).from(users).where(eq(users.id, id));

  before(async () => {
    scratch = await createScratchDatabase();
  });
  after(async () => {
    for (const database of opened) await database.close();
    await scratch.drop();
  });

  it("a statement sent often is prepared once and answers as before, in and out of transactions", async () => {
    const database = await onOneConnection();
    const plusOne = (db: Database["db"], n: number) =>
      queryRows<{ v: number }>(db, sql`select ${n}::int + 1 as v`).then((rows) => rows[0].v);
    for (let n = 0; n < 8; n++) assert.equal(await plusOne(database.db, n), n + 1);
    assert.equal(await database.db.transaction((tx) => plusOne(tx, 41)), 42);
    for (let i = 0; i < 6; i++)
      assert.deepEqual(await findUser(database, "00000000-0000-0000-0000-000000000001"), []);
    const prepared = await preparedTexts(database);
    assert.equal(prepared.filter((text) => text.includes("::int + 1 as v")).length, 1);
    assert.equal(prepared.filter((text) => text.includes('from "users" where "users"."id" = $1')).length, 1);
  });

  it("a statement sent once keeps its request tag and is not prepared", async () => {
    const database = await onOneConnection();
    const [row] = await runTagged("req-once", () =>
      queryRows<{ q: string }>(database.db, sql`select current_query() as q, ${"once"}::text as t`),
    );
    assert.match(row.q, /^\/\* request_id=req-once \*\//);
    assert.ok(!(await preparedTexts(database)).some((text) => text.includes("current_query")));
  });

  it("with DATABASE_PREPARED_STATEMENTS=false nothing is prepared (a pooler that cannot keep them)", async () => {
    const database = await onOneConnection(false);
    for (let i = 0; i < 6; i++) await findUser(database, "00000000-0000-0000-0000-000000000000");
    assert.deepEqual(await preparedTexts(database), []);
  });
});
