/**
 * `npm run city:add -- --code 320100 [--boundaries file.geojson] [--datum gcj02|wgs84] [--admin-phone 138…]`
 * Adds a city to the database named by DATABASE_URL, or the PGlite data directory
 * (LINGGONG_DATA_DIR, default ./data), in one transaction, and prints what is left to configure.
 */
import { parseArgs } from "node:util";
import { connect } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import type { Datum } from "../places/datum.ts";
import { loadConfig } from "../platform/config.ts";
import { addCity, CityAddError } from "./city-add.ts";

const { values } = parseArgs({
  options: {
    code: { type: "string" },
    boundaries: { type: "string" },
    datum: { type: "string", default: "gcj02" },
    "admin-phone": { type: "string" },
  },
});

if (!values.code) {
  console.error(
    "Usage: npm run city:add -- --code 320100 [--boundaries file.geojson] [--admin-phone 13800000000]",
  );
  process.exit(2);
}
if (!["gcj02", "wgs84", "bd09"].includes(values.datum ?? "")) {
  console.error(`--datum must be gcj02, wgs84 or bd09, got ${values.datum}`);
  process.exit(2);
}
if (values["admin-phone"] && !/^1\d{10}$/.test(values["admin-phone"])) {
  console.error(`--admin-phone must be an 11-digit mobile number, got ${values["admin-phone"]}`);
  process.exit(2);
}

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  const code = values.code;
  const result = await database.db.transaction((tx) =>
    addCity(tx, {
      code,
      boundaries: values.boundaries,
      datum: values.datum as Datum,
      adminPhone: values["admin-phone"],
    }),
  );
  console.log(`${result.name} (${result.code}): ${result.cityCreated ? "added" : "already there, checked"}`);
  console.log(`  boundaries from ${result.boundaryFiles.join(", ")}`);
  console.log(`  districts  ${result.districts.length}`);
  for (const d of result.districts)
    console.log(
      `    ${d.code} ${d.name}${d.ownBoundary ? "" : " (city outline until its boundary is supplied)"}`,
    );
  console.log(`  townships  ${result.townships}`);
  console.log(`  categories ${result.categories} (national base)`);
  if (result.admin.created) {
    console.log(
      `  city admin ${result.admin.username}, password ${result.admin.password} (shown once: keep it safe)`,
    );
  } else {
    console.log(`  city admin ${result.admin.username} (exists; password unchanged)`);
  }
  console.log("Left to configure:");
  for (const line of result.todo) console.log(`  - ${line}`);
} catch (error) {
  if (error instanceof CityAddError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
