import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { asc, eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type Actor,
  type EmployerActor,
  employer,
  postedGig,
  worker,
} from "../../test/support/market-fixtures.ts";
import { bookedShift, ON_SITE, workedShift } from "../../test/support/shift-fixtures.ts";
import {
  auditLog,
  notificationCityRules,
  notificationOutbox,
  notifications,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import { sweep } from "../lifecycle/sweeper.ts";
import { AliyunError } from "../platform/aliyun-rpc.ts";
import { ManualClock } from "../platform/clock.ts";
import { LogSmsProvider } from "../platform/sms.ts";
import { deliverDue } from "./delivery.ts";
import { LogVoiceProvider } from "./voice.ts";

/** Tuesday 5 March 2030, 10:00 in Shanghai. */
const MORNING = new Date("2030-03-05T02:00:00Z");

describe("notifications: every event tells the right person once per chosen channel", () => {
  let t: TestApp;
  let clock: ManualClock;
  let boss: EmployerActor;
  before(async () => {
    clock = new ManualClock(MORNING);
    t = await startTestApp({ clock });
    boss = await employer(t);
  });
  after(() => t.close());

  const db = () => t.ctx.database.db;
  /** Each step a minute after the last, so lists have an order to show. */
  const step = () => clock.advanceMinutes(1);
  const inbox = async (who: Actor) =>
    (
      await db()
        .select()
        .from(notifications)
        .where(eq(notifications.userId, who.userId))
        .orderBy(asc(notifications.createdAt))
    ).map((n) => n.kind);
  const outbox = async (who: Actor) =>
    db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, who.userId))
      .orderBy(asc(notificationOutbox.createdAt));
  const choose = (who: Actor, prefs: { sms: boolean; voice: boolean; lang: string }) =>
    t.request("PUT", "/api/notifications/preferences", { as: who.token, body: prefs });
  const invite = (gigId: string, who: Actor) => {
    step();
    return t.request("POST", `/api/gigs/${gigId}/invitations`, {
      as: boss.token,
      body: { workerId: who.userId },
    });
  };
  const applyTo = (gigId: string, who: Actor) => {
    step();
    return t.request("POST", `/api/gigs/${gigId}/applications`, { as: who.token, body: {} });
  };
  const answer = (id: string, event: string, who: Actor) => {
    step();
    return t.request("POST", `/api/applications/${id}/${event}`, { as: who.token });
  };

  it("an invitation reaches a worker who chose SMS and voice in English: one of each, in her language", async () => {
    const gigId = await postedGig(t, boss);
    const anna = await worker(t, { name: "Anna" });
    assert.equal((await choose(anna, { sms: true, voice: true, lang: "en" })).statusCode, 200);
    assert.equal((await invite(gigId, anna)).statusCode, 201);

    assert.deepEqual(await inbox(anna), ["invitation_received"]);
    const sent = await outbox(anna);
    assert.deepEqual(sent.map((m) => m.channel).sort(), ["sms", "voice"]);
    const voice = sent.find((m) => m.channel === "voice");
    assert.match(voice?.text ?? "", /^Hello, this is the city gig market\. You are invited to a job/);
    const sms = sent.find((m) => m.channel === "sms");
    assert.equal(sms?.templateId, "SMS_LG_INVITATION");
    assert.ok(sms?.text.startsWith("【零工市场】"));

    const list = await t.request("GET", "/api/notifications", { as: anna.token, lang: "en" });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().unread, 1);
    assert.equal(list.json().items[0].title, "You are invited to a job");
    assert.equal(list.json().items[0].link, "/worker/work?tab=invitations");
  });

  it("a worker registered at a station who never opened the app gets SMS without asking; an app user does not", async () => {
    const gigId = await postedGig(t, boss);
    const walkIn = await worker(t, { name: "王大姐", registeredByStationId: crypto.randomUUID() });
    await db().update(users).set({ lastSignInAt: null }).where(eq(users.id, walkIn.userId));
    const appUser = await worker(t, { name: "赵师傅" });
    await invite(gigId, walkIn);
    await invite(gigId, appUser);
    assert.deepEqual(
      (await outbox(walkIn)).map((m) => m.channel),
      ["sms"],
    );
    assert.deepEqual(await outbox(appUser), []);
    assert.deepEqual(await inbox(appUser), ["invitation_received"]);
    const prefs = await t.request("GET", "/api/notifications/preferences", { as: walkIn.token });
    assert.deepEqual(prefs.json(), { sms: true, voice: false, lang: "zh-CN" });
  });

  it("applications, answers and cancellations tell the other side, once each", async () => {
    const gigId = await postedGig(t, boss, { headcount: 2 });
    const li = await worker(t, { name: "李阿姨" });
    const zhou = await worker(t, { name: "周师傅" });
    const liApplied = (await applyTo(gigId, li)).json();
    const zhouApplied = (await applyTo(gigId, zhou)).json();
    assert.deepEqual((await inbox(boss)).slice(-2), ["new_applicant", "new_applicant"]);

    const booking = (await answer(liApplied.id, "accept", boss)).json();
    await answer(zhouApplied.id, "reject", boss);
    assert.deepEqual(await inbox(li), ["application_accepted"]);
    assert.deepEqual(await inbox(zhou), ["application_declined"]);

    assert.equal(
      (await t.request("POST", `/api/bookings/${booking.id}/confirm`, { as: li.token })).statusCode,
      200,
    );
    step();
    const cancelled = await t.request("POST", `/api/bookings/${booking.id}/cancel`, {
      as: li.token,
      body: { reasonCode: "sick" },
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.deepEqual((await inbox(boss)).slice(-2), ["worker_confirmed", "worker_cancelled"]);
    const text = (await t.request("GET", "/api/notifications?limit=1", { as: boss.token })).json().items[0];
    assert.equal(text.title, "工人取消了");
    assert.match(text.body, /李阿姨不能来干「商场开荒保洁」了/);
  });

  it("a cancelled gig tells each booked worker not to come", async () => {
    const gigId = await postedGig(t, boss);
    const qian = await worker(t, { name: "钱师傅" });
    const applied = (await applyTo(gigId, qian)).json();
    await answer(applied.id, "accept", boss);
    const response = await t.request("POST", `/api/gigs/${gigId}/cancel`, {
      as: boss.token,
      body: { reasonCode: "weather" },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(await inbox(qian), ["application_accepted", "gig_cancelled"]);
  });

  it("hours approved, pay recorded, pay disputed and a rating each reach the one concerned", async () => {
    const shift = await workedShift(t, clock, { boss });
    step();
    const approved = await t.request("POST", `/api/bookings/${shift.bookingId}/timesheet/approve`, {
      as: boss.token,
      body: {},
    });
    assert.equal(approved.statusCode, 200, approved.body);
    step();
    const paid = await t.request("POST", `/api/bookings/${shift.bookingId}/payments`, {
      as: boss.token,
      body: { amountFen: 200_00, method: "cash", paidAt: clock.now().toISOString() },
    });
    assert.equal(paid.statusCode, 201, paid.body);
    step();
    await t.request("POST", `/api/payments/${paid.json().id}/dispute`, {
      as: shift.who.token,
      body: { reason: "没收到" },
    });
    step();
    await t.request("POST", `/api/bookings/${shift.bookingId}/ratings`, {
      as: boss.token,
      body: { stars: 5 },
    });
    assert.deepEqual(await inbox(shift.who), [
      "application_accepted",
      "hours_approved",
      "payment_recorded",
      "rating_received",
    ]);
    assert.equal((await inbox(boss)).at(-1), "payment_disputed");
    const zh = (await t.request("GET", "/api/notifications?limit=3", { as: shift.who.token })).json().items;
    assert.equal(zh[1].body, "「商场开荒保洁」雇主说付了您200元。收到了请点“确认”，没收到请点“没收到”。");
  });

  it("reminders go once however often the sweeper runs: the evening before, 75 minutes before, and check-in open", async () => {
    clock.set(MORNING);
    const gigId = await postedGig(t, boss, { requirements: "" }, 24);
    const sun = await worker(t, { name: "孙师傅" });
    await answer((await applyTo(gigId, sun)).json().id, "accept", boss);
    await sweep(t.ctx);
    assert.deepEqual(await inbox(sun), ["application_accepted"], "nothing due at 10:00 the day before");

    clock.set(new Date(MORNING.getTime() + 9 * 3_600_000)); // 19:00 the evening before
    await sweep(t.ctx);
    await sweep(t.ctx);
    assert.deepEqual(await inbox(sun), ["application_accepted", "reminder_evening"]);

    clock.set(new Date(MORNING.getTime() + 24 * 3_600_000 - 70 * 60_000));
    await sweep(t.ctx);
    clock.advanceMinutes(11);
    await sweep(t.ctx);
    await sweep(t.ctx);
    assert.deepEqual(await inbox(sun), [
      "application_accepted",
      "reminder_evening",
      "reminder_hour",
      "check_in_open",
    ]);
    const body = (await t.request("GET", "/api/notifications?limit=3", { as: sun.token })).json().items[2]
      .body;
    assert.match(body, /请带上：没有特别要求/);
  });

  it("a new notification reaches the person's open screen by server-sent events", async () => {
    const gigId = await postedGig(t, boss);
    const zheng = await worker(t, { name: "郑阿姨" });
    const base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const controller = new AbortController();
    const response = await fetch(`${base}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${zheng.token}` },
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil(/event: unread\ndata: \{"unread":0\}/);
    await invite(gigId, zheng);
    await readUntil(/event: notification\n/);
    const data = JSON.parse(/event: notification\ndata: (.*)\n/.exec(text)?.[1] ?? "{}");
    assert.equal(data.unread, 1);
    assert.equal(data.notification.title, "有人请您干活");
    controller.abort();
  });

  it("the list is the person's own: unread count, mark one read, mark all read", async () => {
    const gigId = await postedGig(t, boss);
    const wu = await worker(t, { name: "吴阿姨" });
    await invite(gigId, wu);
    await invite(await postedGig(t, boss), wu);
    const list = (await t.request("GET", "/api/notifications", { as: wu.token })).json();
    assert.equal(list.unread, 2);
    const stranger = await worker(t);
    const foreign = await t.request("POST", `/api/notifications/${list.items[0].id}/read`, {
      as: stranger.token,
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.code, "notification_not_found");
    const one = await t.request("POST", `/api/notifications/${list.items[0].id}/read`, { as: wu.token });
    assert.deepEqual(one.json(), { unread: 1 });
    await t.request("POST", "/api/notifications/read-all", { as: wu.token });
    assert.deepEqual((await t.request("GET", "/api/notifications/unread-count", { as: wu.token })).json(), {
      unread: 0,
    });
  });
});

describe("delivery: quiet hours, the daily SMS limit, retries and dead letters", () => {
  let t: TestApp;
  let clock: ManualClock;
  let boss: EmployerActor;
  let sms: LogSmsProvider;
  let voice: LogVoiceProvider;
  before(async () => {
    clock = new ManualClock(MORNING);
    t = await startTestApp({ clock });
    boss = await employer(t);
    sms = new LogSmsProvider(() => {});
    voice = new LogVoiceProvider(() => {});
  });
  after(() => t.close());

  const db = () => t.ctx.database.db;
  const smsWorker = async () => {
    const who = await worker(t, { name: "短信用户" });
    await t.request("PUT", "/api/notifications/preferences", {
      as: who.token,
      body: { sms: true, voice: false, lang: "zh-CN" },
    });
    return who;
  };
  const invite = async (who: Actor) =>
    t.request("POST", `/api/gigs/${await postedGig(t, boss)}/invitations`, {
      as: boss.token,
      body: { workerId: who.userId },
    });
  const statuses = async (who: Actor) =>
    (await db().select().from(notificationOutbox).where(eq(notificationOutbox.userId, who.userId))).map(
      (r) => r.status,
    );
  const providers = () => ({ sms, voice });

  it("sends a waiting SMS once, with the row id as the gateway's out-id", async () => {
    const who = await smsWorker();
    await invite(who);
    const report = await deliverDue(t.ctx, providers());
    assert.equal(report.sent, 1);
    assert.deepEqual(await statuses(who), ["sent"]);
    assert.equal((await deliverDue(t.ctx, providers())).sent, 0, "nothing left to send");
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, who.userId));
    assert.equal(sms.sent.filter((m) => m.outId === row.id).length, 1);
    assert.equal(row.providerMessageId, `log-${row.id}`);
  });

  it("quiet hours hold an invitation until 07:00 but let an urgent cancellation through", async () => {
    clock.set(new Date("2030-03-05T15:00:00Z")); // 23:00 in Shanghai
    const who = await smsWorker();
    await invite(who);
    const report = await deliverDue(t.ctx, providers());
    assert.equal(report.held, 1);
    const [held] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, who.userId));
    assert.equal(held.status, "pending");
    assert.deepEqual(held.nextAttemptAt, new Date("2030-03-05T23:00:00Z"));

    const gigId = await postedGig(t, boss);
    const late = await smsWorker();
    const applied = await t.request("POST", `/api/gigs/${gigId}/applications`, { as: late.token, body: {} });
    await t.request("POST", `/api/applications/${applied.json().id}/accept`, { as: boss.token });
    await t.request("POST", `/api/gigs/${gigId}/cancel`, { as: boss.token, body: { reasonCode: "weather" } });
    await deliverDue(t.ctx, providers());
    const lateRows = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, late.userId));
    assert.deepEqual(lateRows.map((r) => `${r.kind}:${r.status}`).sort(), [
      "application_accepted:pending",
      "gig_cancelled:sent",
    ]);

    clock.set(new Date("2030-03-05T23:00:00Z")); // 07:00
    await deliverDue(t.ctx, providers());
    assert.deepEqual(await statuses(who), ["sent"]);
  });

  it("a city's daily SMS limit holds: the rest stay in the app and are marked suppressed", async () => {
    clock.set(MORNING);
    await db().insert(notificationCityRules).values({ cityCode: "321100", smsDailyLimit: 2 });
    const who = await smsWorker();
    for (let i = 0; i < 4; i++) await invite(who);
    await deliverDue(t.ctx, providers());
    assert.deepEqual((await statuses(who)).sort(), ["sent", "sent", "suppressed", "suppressed"]);
    const inApp = await db().select().from(notifications).where(eq(notifications.userId, who.userId));
    assert.equal(inApp.length, 4);
    await db().delete(notificationCityRules);
  });

  it("a failing gateway is retried with backoff, then the message is a dead letter the admin sees", async () => {
    clock.set(MORNING);
    const who = await smsWorker();
    await invite(who);
    const broken = {
      name: "broken",
      send: async () => {},
      sendTemplate: async () => {
        throw new Error("gateway timeout");
      },
    };
    const failing = { sms: broken, voice };
    assert.equal((await deliverDue(t.ctx, failing)).failed, 1);
    assert.equal((await deliverDue(t.ctx, failing)).failed, 0, "not before the backoff is over");
    for (let i = 0; i < 8; i++) {
      clock.advanceMinutes(61);
      await deliverDue(t.ctx, failing);
    }
    assert.deepEqual(await statuses(who), ["dead"]);
    const admin = await t.tokenFor("city_admin");
    const dead = await t.request("GET", "/api/notifications/dead-letters", { as: admin.token });
    assert.equal(dead.statusCode, 200, dead.body);
    const letter = dead
      .json()
      .find((d: { kind: string; lastError: string }) => d.lastError === "gateway timeout");
    assert.equal(letter.attempts, 6);
    assert.equal(letter.title, "有人请您干活");
    assert.match(letter.phone, /^\d{3}\*{4}\d{4}$/);
    const figures = await t.request("GET", "/api/notifications/delivery?days=30", { as: admin.token });
    const sent = figures.json().filter((f: { channel: string }) => f.channel === "sms");
    assert.ok(sent.some((f: { sent: number }) => f.sent > 0));
    assert.ok(sent.some((f: { dead: number }) => f.dead === 1));
    const refused = await t.request("GET", "/api/notifications/dead-letters", { as: who.token });
    assert.equal(refused.statusCode, 403);

    // The gateway works again: the admin sends it once more, and it goes out on the next pass.
    const retried = await t.request("POST", `/api/notifications/dead-letters/${letter.id}/retry`, {
      as: admin.token,
    });
    assert.equal(retried.statusCode, 204, retried.body);
    assert.equal((await deliverDue(t.ctx, providers())).sent, 1);
    assert.deepEqual(await statuses(who), ["sent"]);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.subjectId, letter.id));
    assert.equal(audit.action, "notification.dead_letter_retried");
    const again = await t.request("POST", `/api/notifications/dead-letters/${letter.id}/retry`, {
      as: admin.token,
    });
    assert.equal(again.json().error.code, "dead_letter_not_found", "a sent message is not sent twice");
  });

  it("a number the gateway refuses for good is a dead letter at once, not retried", async () => {
    clock.set(MORNING);
    const who = await smsWorker();
    await invite(who);
    const refusing = {
      name: "refusing",
      send: async () => {},
      sendTemplate: async (): Promise<{ providerMessageId: string }> => {
        throw new AliyunError("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", false);
      },
    };
    assert.equal((await deliverDue(t.ctx, { sms: refusing, voice })).dead, 1);
    assert.deepEqual(await statuses(who), ["dead"]);
  });

  it("a claim whose sender hung after reaching the gateway is taken over after its lease; the gateway drops the repeat", async () => {
    clock.set(MORNING);
    const who = await smsWorker();
    await invite(who);
    const hanging = {
      name: "hanging",
      send: async () => {},
      // Reaches the gateway, then never returns: the instance froze or was killed.
      sendTemplate: (message: Parameters<LogSmsProvider["sendTemplate"]>[0]) =>
        sms.sendTemplate(message).then(() => new Promise<never>(() => {})),
    };
    void deliverDue(t.ctx, { sms: hanging, voice }, { batchSize: 10, leaseMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await statuses(who), ["sending"]);
    assert.equal((await deliverDue(t.ctx, providers())).sent, 0, "the lease still holds");
    clock.advanceMinutes(2);
    assert.equal((await deliverDue(t.ctx, providers())).sent, 1);
    const [row] = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.userId, who.userId));
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 2);
    assert.equal(sms.sent.filter((m) => m.outId === row.id).length, 1, "one message on the phone");
  });

  it("a walk-in's profile without a phone gets the app only", async () => {
    const who = await worker(t, { name: "无手机" });
    await db().update(users).set({ phone: null }).where(eq(users.id, who.userId));
    await db()
      .update(workerProfiles)
      .set({ registeredByStationId: crypto.randomUUID() })
      .where(eq(workerProfiles.userId, who.userId));
    await invite(who);
    assert.deepEqual(await statuses(who), []);
  });

  it("a worker who forgot to check out is told once, when the sweeper checks her out", async () => {
    const shift = await bookedShift(t, clock, { boss });
    shift.at(0);
    await t.request("POST", `/api/bookings/${shift.bookingId}/check-in`, {
      as: shift.who.token,
      body: ON_SITE,
    });
    shift.at(8 * 60 + 61);
    await sweep(t.ctx);
    await sweep(t.ctx);
    const kinds = (
      await db().select().from(notifications).where(eq(notifications.userId, shift.who.userId))
    ).map((n) => n.kind);
    assert.equal(kinds.filter((k) => k === "forgot_check_out").length, 1);
  });
});
