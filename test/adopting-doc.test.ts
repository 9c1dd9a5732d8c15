/**
 * docs/adopting.md, followed word for word: every command of a shell block marked
 * `<!-- tried by test/adopting-doc.test.ts -->` runs, as written, from the repository's root on
 * a scratch embedded-database folder, and the city it adds is there afterwards.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { connect } from "../src/db/client.ts";
import { cities, divisions, users } from "../src/db/schema/index.ts";
import { projectPath } from "../src/platform/paths.ts";

const MARK = "<!-- tried by test/adopting-doc.test.ts -->";

/** The commands of the marked blocks, in order. */
export function triedCommands(markdown: string): string[] {
  const commands: string[] = [];
  const parts = markdown.split(MARK).slice(1);
  for (const part of parts) {
    const block = /```sh\n([\s\S]*?)```/.exec(part);
    assert.ok(block?.[1], "a marked block follows the mark");
    for (const line of block[1].split("\n")) {
      const command = line.trim();
      if (command && !command.startsWith("#")) commands.push(command);
    }
  }
  return commands;
}

describe("docs/adopting.md", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "linggong-adopting-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("adds the city with the commands it gives, on a fresh data folder", async () => {
    const commands = triedCommands(readFileSync(projectPath("docs", "adopting.md"), "utf8"));
    assert.ok(commands.length >= 2, `commands: ${commands.join(" | ")}`);
    const outputs = commands.map((command) =>
      execFileSync("sh", ["-c", command], {
        cwd: projectPath(),
        env: { ...process.env, LINGGONG_DATA_DIR: scratch, DATABASE_URL: "" },
        encoding: "utf8",
      }),
    );
    assert.match(outputs[0] ?? "", /南京市 \(320100\): added/);
    assert.match(outputs[0] ?? "", /city admin admin\.320100, password \S+/);
    assert.match(outputs[1] ?? "", /already there, checked/);
    assert.match(outputs[1] ?? "", /password unchanged/);

    const database = await connect({ dataDir: scratch });
    try {
      const [city] = await database.db.select().from(cities).where(eq(cities.code, "320100"));
      assert.equal(city?.name, "南京市");
      const districts = await database.db.select().from(divisions).where(eq(divisions.cityCode, "320100"));
      assert.equal(districts.length, 11);
      const admins = await database.db.select().from(users).where(eq(users.cityCode, "320100"));
      assert.deepEqual(
        admins.map((a) => [a.username, a.role, a.phone]),
        [["admin.320100", "city_admin", "13800000000"]],
      );
    } finally {
      await database.close();
    }
  });
});
