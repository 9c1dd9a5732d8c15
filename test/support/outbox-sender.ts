/**
 * A sending instance for the outbox crash test: runs the delivery loop against the database in
 * DATABASE_URL and sends through the gateway stub at GATEWAY_URL, until it is killed.
 */
import { connect } from "../../src/db/client.ts";
import { deliverDue } from "../../src/notifications/delivery.ts";
import { LogVoiceProvider } from "../../src/notifications/voice.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { TemplateSms } from "../../src/platform/sms.ts";

const gateway = process.env.GATEWAY_URL as string;
const database = await connect({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
const sms = {
  name: "gateway-stub",
  send: async () => {},
  sendTemplate: async (message: TemplateSms) => {
    const response = await fetch(gateway, { method: "POST", body: JSON.stringify(message) });
    if (!response.ok) throw new Error(`gateway answered ${response.status}`);
    return (await response.json()) as { providerMessageId: string };
  },
};
const ctx = { config: loadConfig({}), database, clock: systemClock, sms };
const options = { batchSize: Number(process.env.BATCH ?? 10), leaseMs: Number(process.env.LEASE_MS ?? 2000) };
const voice = new LogVoiceProvider(() => {});
process.send?.("ready");
for (;;) {
  const report = await deliverDue(ctx, { sms, voice }, options);
  if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
