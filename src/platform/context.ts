/** What every service gets: configuration, the database, the clock and the outside world. */
import type { Database } from "../db/client.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { SmsProvider } from "./sms.ts";

export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  sms: SmsProvider;
}
