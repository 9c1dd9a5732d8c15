/** Retention jobs delete what is past its keeping time, and nothing else; one instance at a time. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { worker } from "../../test/support/market-fixtures.ts";
import { connect, queryRows } from "../db/client.ts";
import {
  auditLog,
  devices,
  idempotencyKeys,
  kioskQrSignIns,
  notificationOutbox,
  notifications,
  otpCodes,
  sessions,
  signInAttempts,
  stations,
} from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { pruneExpiredRecords } from "./retention.ts";

const DAY = 86_400_000;

async function firstStation(t: TestApp) {
  const [station] = await t.ctx.database.db.select().from(stations).limit(1);
  if (station) return station;
  const [made] = await t.ctx.database.db
    .insert(stations)
    .values({
      cityCode: "321100",
      districtCode: "321102",
      kind: "station",
      name: "测试驿站",
      address: "京口区",
      lat: 32.2,
      lng: 119.45,
    })
    .returning();
  return made;
}

describe("retention jobs", () => {
  let t: TestApp;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date("2030-06-01T02:00:00Z"));
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);
  const marks = async (table: string) =>
    (
      await queryRows<{ mark: string }>(
        t.ctx.database.db,
        sql`select mark from (${sql.raw(MARK_SQL[table])}) m order by mark`,
      )
    ).map((r) => r.mark);
  /** Each table's rows named by a field the test set, so what is left can be read by name. */
  const MARK_SQL: Record<string, string> = {
    otp_codes: "select code_hash as mark from otp_codes",
    sign_in_attempts: "select key as mark from sign_in_attempts where key like 'test:%'",
    sessions: "select token_hash as mark from sessions where token_hash like 'test-%'",
    idempotency_keys: "select key as mark from idempotency_keys",
    notification_outbox: "select template_id as mark from notification_outbox",
    notifications: "select kind as mark from notifications",
    audit_log: "select action as mark from audit_log where action like 'test.%'",
    device_enrolment_codes:
      "select enrolment_code_hash as mark from devices where enrolment_code_hash is not null",
    device_tokens: "select token_hash as mark from devices where token_hash is not null",
    kiosk_qr_sign_ins: "select secret_hash as mark from kiosk_qr_sign_ins",
  };

  it("deletes what is due and keeps the rest", async () => {
    const db = t.ctx.database.db;
    const who = await worker(t);
    const phone = who.phone;
    await db.insert(otpCodes).values([
      { cityCode: "321100", phone, codeHash: "due", expiresAt: ago(2), createdAt: ago(2) },
      { cityCode: "321100", phone, codeHash: "kept", expiresAt: ago(0.5), createdAt: ago(0.5) },
    ]);
    await db.insert(signInAttempts).values([
      { key: "test:due", succeeded: true, at: ago(31) },
      { key: "test:kept", succeeded: false, at: ago(29) },
    ]);
    await db.insert(sessions).values([
      { tokenHash: "test-due-expired", userId: who.userId, createdAt: ago(70), expiresAt: ago(40) },
      {
        tokenHash: "test-due-revoked",
        userId: who.userId,
        createdAt: ago(40),
        expiresAt: ago(-10),
        revokedAt: ago(31),
      },
      { tokenHash: "test-kept-live", userId: who.userId, createdAt: ago(5), expiresAt: ago(-25) },
      { tokenHash: "test-kept-recent", userId: who.userId, createdAt: ago(40), expiresAt: ago(10) },
    ]);
    await db.insert(idempotencyKeys).values([
      {
        accountId: who.userId,
        key: "due",
        cityCode: "321100",
        fingerprint: "f",
        status: "completed",
        createdAt: ago(2),
      },
      {
        accountId: who.userId,
        key: "kept",
        cityCode: "321100",
        fingerprint: "f",
        status: "completed",
        createdAt: ago(0.1),
      },
    ]);
    const [oldNote, oldPending, recentNote] = await db
      .insert(notifications)
      .values([
        { cityCode: "321100", userId: who.userId, kind: "due", params: {}, createdAt: ago(200) },
        {
          cityCode: "321100",
          userId: who.userId,
          kind: "kept-pending-message",
          params: {},
          createdAt: ago(200),
        },
        { cityCode: "321100", userId: who.userId, kind: "kept-recent", params: {}, createdAt: ago(10) },
      ])
      .returning({ id: notifications.id });
    const message = {
      cityCode: "321100",
      userId: who.userId,
      channel: "sms" as const,
      kind: "k",
      phone,
      lang: "zh-CN",
      params: {},
      text: "t",
    };
    await db.insert(notificationOutbox).values([
      { ...message, notificationId: oldNote.id, templateId: "due-sent", status: "sent", createdAt: ago(200) },
      {
        ...message,
        notificationId: oldPending.id,
        templateId: "kept-pending",
        status: "pending",
        createdAt: ago(200),
      },
      {
        ...message,
        notificationId: recentNote.id,
        templateId: "kept-recent",
        status: "sent",
        createdAt: ago(10),
      },
    ]);
    await db.insert(auditLog).values([
      {
        cityCode: "321100",
        actorRole: "city_admin",
        action: "test.due",
        subjectType: "x",
        at: ago(3 * 365 + 2),
      },
      {
        cityCode: "321100",
        actorRole: "city_admin",
        action: "test.kept",
        subjectType: "x",
        at: ago(3 * 365 - 2),
      },
    ]);

    const staff = await t.tokenFor("city_admin");
    const station = await firstStation(t);
    const device = {
      cityCode: "321100",
      districtCode: station.districtCode,
      stationId: station.id,
      kind: "terminal" as const,
      name: "test",
      createdBy: staff.userId,
      createdAt: ago(60),
    };
    const [firstDevice] = await db
      .insert(devices)
      .values([
        { ...device, enrolmentCodeHash: "code-due", enrolmentExpiresAt: ago(2) },
        { ...device, enrolmentCodeHash: "code-kept", enrolmentExpiresAt: ago(-0.5) },
        { ...device, tokenHash: "token-due-revoked", enrolledAt: ago(50), revokedAt: ago(31) },
        { ...device, tokenHash: "token-kept-revoked-lately", enrolledAt: ago(50), revokedAt: ago(29) },
        { ...device, tokenHash: "token-kept-live", enrolledAt: ago(50) },
      ])
      .returning({ id: devices.id });
    const qr = { deviceId: firstDevice.id, cityCode: "321100", createdAt: ago(3) };
    await db.insert(kioskQrSignIns).values([
      { ...qr, secretHash: "qr-due", expiresAt: ago(2) },
      { ...qr, secretHash: "qr-kept", expiresAt: ago(0.5) },
    ]);

    const report = await pruneExpiredRecords(t.ctx);
    assert.equal(report.pruned, true);
    for (const table of Object.keys(MARK_SQL)) {
      const left = await marks(table);
      assert.ok(left.length > 0, `${table} keeps what is not due`);
      assert.deepEqual(
        left.filter((m) => m.includes("due")),
        [],
        `${table}: ${left.join()}`,
      );
    }
    assert.deepEqual(await marks("notifications"), ["kept-pending-message", "kept-recent"]);
    assert.deepEqual(await marks("sessions"), ["test-kept-live", "test-kept-recent"]);
    assert.deepEqual(await marks("device_tokens"), ["token-kept-live", "token-kept-revoked-lately"]);
    assert.equal((await db.select().from(devices)).length, 5, "device rows stay; only credentials go");
    assert.deepEqual((await pruneExpiredRecords(t.ctx)).sessions, 0, "a second round finds nothing more");
  });

  it("runs on one instance at a time: a round skips while another holds the lock", {
    skip: !process.env.TEST_DATABASE_URL,
  }, async () => {
    const other = await connect({ databaseUrl: t.scratch.url ?? "", poolSize: 2 });
    try {
      await other.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(72631301)`);
        assert.deepEqual(await pruneExpiredRecords(t.ctx), { pruned: false });
      });
      assert.equal((await pruneExpiredRecords(t.ctx)).pruned, true);
    } finally {
      await other.close();
    }
  });
});
