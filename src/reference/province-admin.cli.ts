/**
 * `npm run admin:province -- --city 321100 [--username province.320000] [--phone 138…]`
 * Makes the province admin of the city's province in the database named by DATABASE_URL, or the
 * PGlite data directory (LINGGONG_DATA_DIR, default ./data), and prints her password once.
 */
import { parseArgs } from "node:util";
import { connect } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { loadConfig } from "../platform/config.ts";
import { CityAddError } from "./city-add.ts";
import { addProvinceAdmin } from "./province-admin.ts";

const { values } = parseArgs({
  options: {
    city: { type: "string" },
    username: { type: "string" },
    phone: { type: "string" },
  },
});

if (!values.city) {
  console.error(
    "Usage: npm run admin:province -- --city 321100 [--username province.320000] [--phone 13800000000]",
  );
  process.exit(2);
}
if (values.phone && !/^1\d{10}$/.test(values.phone)) {
  console.error(`--phone must be an 11-digit mobile number, got ${values.phone}`);
  process.exit(2);
}

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await runMigrations(database);
  const city = values.city;
  const result = await database.db.transaction((tx) =>
    addProvinceAdmin(tx, { city, username: values.username, phone: values.phone }),
  );
  console.log(`${result.province.name} (${result.province.code})`);
  console.log(`  cities     ${result.cities.map((c) => `${c.name} ${c.code}`).join(", ")}`);
  if (result.created) {
    console.log(
      `  province admin ${result.username}, password ${result.password} (shown once: keep it safe)`,
    );
  } else {
    console.log(`  province admin ${result.username} (exists; password unchanged)`);
  }
  console.log("  signs in at /admin; reads the monitoring pages of every city above, changes nothing");
} catch (error) {
  if (error instanceof CityAddError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
