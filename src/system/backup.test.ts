import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { connect, PGLITE_EXTENSIONS } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { users } from "../db/schema/index.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { backUp, type Manifest, restore, summarise } from "./backup.ts";

describe("backup and restore of the embedded database", () => {
  let folder: string;
  let original: string;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "linggong-backup-"));
    original = path.join(folder, "data");
    const database = await connect({ dataDir: original });
    await runMigrations(database);
    await loadReferenceData(database.db);
    await database.db
      .insert(users)
      .values({ cityCode: "321100", role: "worker", phone: "13900001111", displayName: "王师傅" });
    await database.close();
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it("a backup restored into a fresh folder has every table with the same rows", async () => {
    const backup = path.join(folder, "backups", "first");
    const manifest = await backUp(original, backup);
    assert.equal(manifest.tables["public.users"].rows, 1);
    assert.ok(Object.values(manifest.tables).filter((t) => t.rows > 0).length >= 3, "reference data too");

    const copy = path.join(folder, "restored");
    await restore(backup, copy);
    const reopened = new PGlite(copy, { extensions: PGLITE_EXTENSIONS });
    try {
      assert.deepEqual(await summarise(reopened), manifest.tables);
      const { rows } = await reopened.query<{ display_name: string }>("select display_name from users");
      assert.deepEqual(rows, [{ display_name: "王师傅" }]);
    } finally {
      await reopened.close();
    }
  });

  it("a restore that does not give back the rows of the manifest fails, naming the table", async () => {
    const backup = path.join(folder, "backups", "second");
    await backUp(original, backup);
    const manifest = JSON.parse(await readFile(`${backup}.manifest.json`, "utf8")) as Manifest;
    manifest.tables["public.users"] = { rows: 2, checksum: "0".repeat(32) };
    await writeFile(`${backup}.manifest.json`, JSON.stringify(manifest));
    await assert.rejects(
      restore(backup, path.join(folder, "second-copy")),
      /public\.users: 2 rows backed up, 1 restored/,
    );
  });

  it("refuses to back up a folder that holds no database", async () => {
    await assert.rejects(
      backUp(path.join(folder, "nothing"), path.join(folder, "backups", "none")),
      /no database/,
    );
  });

  it("never restores over existing data", async () => {
    await assert.rejects(restore(path.join(folder, "backups", "first"), original), /not empty/);
  });
});
