/**
 * 扫码登录 at the terminal: the terminal shows a QR code, the worker confirms in her app, the
 * terminal gets her session once; a wrong secret, another city, a screen, a second claim or an
 * expired code get nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { enrolledDevice, stationOf } from "../../test/support/device-fixtures.ts";
import { stationStaff, worker } from "../../test/support/market-fixtures.ts";
import { kioskQrSignIns } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { QR_SIGN_IN_MS } from "./qr-sign-in.service.ts";

describe("signing in at the terminal by QR code (扫码登录)", () => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2030-03-02T00:30:00Z"));
  let terminal: string;
  let screen: string;

  before(async () => {
    t = await startTestApp({ clock });
    const staff = await stationStaff(t);
    const stationId = await stationOf(t, staff.userId);
    terminal = (await enrolledDevice(t, staff.token, stationId, "terminal")).token;
    screen = (await enrolledDevice(t, staff.token, stationId, "screen")).token;
  });
  after(() => t.close());

  const asDevice = (url: string, token = terminal) =>
    t.app.inject({ method: "POST", url, headers: { authorization: `Device ${token}` } });
  const start = async () => {
    const started = await asDevice("/api/devices/self/qr-sign-ins");
    assert.equal(started.statusCode, 201, started.body);
    const { id, url } = started.json();
    return { id: id as string, secret: new URL(url).searchParams.get("s") as string, url: url as string };
  };

  it("signs her in once she confirms in her app, and only once", async () => {
    const her = await worker(t, { name: "周桂英" });
    const qr = await start();
    assert.match(qr.url, /\/worker\/terminal-sign-in\?i=/);
    assert.deepEqual((await asDevice(`/api/devices/self/qr-sign-ins/${qr.id}/claim`)).json(), {
      status: "waiting",
    });

    const look = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/look`, {
      as: her.token,
      body: { secret: qr.secret },
    });
    assert.equal(look.statusCode, 200, look.body);
    assert.ok(look.json().stationName.length > 0, "she sees which station's terminal asks");
    const confirmed = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/confirm`, {
      as: her.token,
      body: { secret: qr.secret },
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const claimed = await asDevice(`/api/devices/self/qr-sign-ins/${qr.id}/claim`);
    assert.equal(claimed.json().status, "signed_in");
    assert.equal(claimed.json().person.hasWorkerProfile, true);
    assert.equal(claimed.json().person.role, "worker");
    // The session works at the terminal as after a phone + code sign-in.
    const profile = await t.app.inject({
      method: "POST",
      url: "/api/devices/self/sign-out",
      headers: { authorization: `Device ${terminal}`, "x-person-token": claimed.json().person.personToken },
    });
    assert.equal(profile.statusCode, 200);

    const again = await asDevice(`/api/devices/self/qr-sign-ins/${qr.id}/claim`);
    assert.equal(again.json().error.code, "qr_sign_in_used");
    const confirmAgain = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/confirm`, {
      as: her.token,
      body: { secret: qr.secret },
    });
    assert.equal(confirmAgain.json().error.code, "qr_sign_in_used");
  });

  it("gives nothing for a wrong secret, another city's worker, a screen or an expired code", async () => {
    const her = await worker(t);
    const qr = await start();
    const wrong = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/confirm`, {
      as: her.token,
      body: { secret: "x".repeat(32) },
    });
    assert.equal(wrong.json().error.code, "qr_sign_in_not_found");

    // A terminal of another city: her session there is not hers to give.
    const other = await start();
    await t.ctx.database.db
      .update(kioskQrSignIns)
      .set({ cityCode: "320100" })
      .where(eq(kioskQrSignIns.id, other.id));
    const elsewhere = await t.request("POST", `/api/terminal-sign-ins/${other.id}/confirm`, {
      as: her.token,
      body: { secret: other.secret },
    });
    assert.equal(elsewhere.json().error.code, "qr_sign_in_not_found");

    assert.equal((await asDevice("/api/devices/self/qr-sign-ins", screen)).statusCode, 403);
    assert.equal((await asDevice(`/api/devices/self/qr-sign-ins/${qr.id}/claim`, screen)).statusCode, 403);

    const staff = await t.tokenFor("city_admin");
    const notWorker = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/confirm`, {
      as: staff.token,
      body: { secret: qr.secret },
    });
    assert.equal(notWorker.statusCode, 403);

    clock.set(new Date(clock.now().getTime() + QR_SIGN_IN_MS + 1000));
    const late = await t.request("POST", `/api/terminal-sign-ins/${qr.id}/confirm`, {
      as: her.token,
      body: { secret: qr.secret },
    });
    assert.equal(late.json().error.code, "qr_sign_in_not_found");
    assert.equal(
      (await asDevice(`/api/devices/self/qr-sign-ins/${qr.id}/claim`)).json().error.code,
      "qr_sign_in_not_found",
    );
  });
});
