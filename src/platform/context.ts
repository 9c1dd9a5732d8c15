/** What every service gets: configuration, the database, the clock and the outside world. */
import type { Database } from "../db/client.ts";
import type { NumberMaskingProvider } from "../privacy/number-masking.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { SmsProvider } from "./sms.ts";

export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  sms: SmsProvider;
  /** Private numbers (隐私号) for bookings; absent, the parties see each other's own numbers. */
  numbers?: NumberMaskingProvider;
  /** Where background work writes what went wrong without failing a request (the server's logger). */
  log?: { warn(details: object, message: string): void };
}
