/**
 * docs/adopting.md, followed word for word: every command of a shell block marked
 * `<!-- tried by test/adopting-doc.test.ts -->` runs, as written, in a scratch checkout (links to
 * the repository's files) with a scratch embedded-database folder; the city it adds and the
 * workers, stations and employers it imports are there afterwards.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { connect } from "../src/db/client.ts";
import { cities, divisions, employers, stations, users, workerProfiles } from "../src/db/schema/index.ts";
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
  const checkout = path.join(scratch, "linggong");
  const dataDir = path.join(scratch, "data");
  mkdirSync(checkout);
  for (const entry of ["package.json", "node_modules", "src", "docs", "drizzle", "tsconfig.json"]) {
    symlinkSync(projectPath(entry), path.join(checkout, entry));
  }
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("adds the city with the commands it gives, on a fresh data folder", async () => {
    const commands = triedCommands(readFileSync(projectPath("docs", "adopting.md"), "utf8"));
    assert.equal(commands.length, 7, `commands: ${commands.join(" | ")}`);
    const outputs = commands.map((command) =>
      execFileSync("sh", ["-c", command], {
        cwd: checkout,
        env: { ...process.env, LINGGONG_DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
      }),
    );
    assert.match(outputs[0] ?? "", /南京市 \(320100\): added/);
    assert.match(outputs[0] ?? "", /city admin admin\.320100, password \S+/);
    assert.match(outputs[1] ?? "", /already there, checked/);
    assert.match(outputs[1] ?? "", /password unchanged/);

    assert.match(outputs[2] ?? "", /imported {6}2\n/);
    assert.match(outputs[2] ?? "", /row 4: id_number_invalid/);
    assert.match(readFileSync(path.join(checkout, "rejected-workers.csv"), "utf8"), /\n4,王小明,/);
    assert.match(outputs[3] ?? "", /imported {6}0\n {2}already there 2\n/);

    assert.match(outputs[4] ?? "", /imported {6}2\n/);
    assert.match(outputs[5] ?? "", /imported {6}2\n/);
    assert.match(outputs[5] ?? "", /row 4: credit_code_invalid/);
    assert.match(
      readFileSync(path.join(checkout, "rejected-employers.csv"), "utf8"),
      /\n4,南京鼓楼示例餐饮管理有限公司,/,
    );
    assert.match(outputs[6] ?? "", /imported {6}0\n {2}already there 2\n/);

    const database = await connect({ dataDir });
    try {
      const [city] = await database.db.select().from(cities).where(eq(cities.code, "320100"));
      assert.equal(city?.name, "南京市");
      const districts = await database.db.select().from(divisions).where(eq(divisions.cityCode, "320100"));
      assert.equal(districts.length, 11);
      const admins = await database.db
        .select()
        .from(users)
        .where(and(eq(users.cityCode, "320100"), eq(users.role, "city_admin")));
      assert.deepEqual(
        admins.map((a) => [a.username, a.phone]),
        [["admin.320100", "13800000000"]],
      );
      const workers = await database.db
        .select()
        .from(workerProfiles)
        .where(eq(workerProfiles.cityCode, "320100"));
      assert.deepEqual(workers.map((w) => w.name).sort(), ["张桂兰", "李建国"].sort());
      const places = await database.db.select().from(stations).where(eq(stations.cityCode, "320100"));
      assert.deepEqual(places.map((p) => [p.name, p.kind]).sort(), [
        ["新街口社区零工驿站", "station"],
        ["玄武区零工市场", "market"],
      ]);
      const known = await database.db.select().from(employers).where(eq(employers.cityCode, "320100"));
      assert.deepEqual(
        known.map((e) => [e.name, e.verification]).sort(),
        [
          ["南京建邺示例保洁服务有限公司", "verified"],
          ["南京玄武示例物业管理有限公司", "verified"],
        ].sort(),
      );
    } finally {
      await database.close();
    }
  });
});
