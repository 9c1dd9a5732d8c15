/**
 * The whole gig lifecycle in a browser, as two people in two browser contexts: the employer posts,
 * the worker applies, the employer accepts, the worker confirms, checks in and out, the employer
 * approves the hours and records pay, the worker confirms receipt, and both rate each other.
 */
import { after, before, describe, it } from "node:test";
import type { ManualClock } from "../../src/platform/clock.ts";
import { DESKTOP, type E2E, PHONE, personContext, startE2E } from "./support/browser.ts";
import {
  employerAccepts,
  employerApprovesAndPays,
  employerPostsGig,
  employerRatesWorker,
  employerSignsUp,
} from "./support/employer.ts";
import { testPhone } from "./support/people.ts";
import {
  workerChecksIn,
  workerChecksOut,
  workerConfirms,
  workerConfirmsPay,
  workerFindsAndApplies,
  workerRatesEmployer,
} from "./support/worker.ts";

async function lifecycle(e2e: E2E, how: "location" | "code", shots: boolean): Promise<void> {
  const clock = e2e.t.clock as ManualClock;
  // Each story starts today: the previous one left the server's clock at the end of its shift.
  clock.set(new Date());
  const employer = await personContext(e2e, { viewport: DESKTOP });
  // Location is granted only in the first story; in the second the phone refuses it.
  const worker = await personContext(e2e, {
    viewport: PHONE,
    ...(how === "location" ? { geolocation: { latitude: 0, longitude: 0 } } : {}),
  });
  const boss = await employer.newPage();
  const phone = await worker.newPage();
  const workerName = how === "location" ? "李桂英" : "张建国";
  try {
    await employerSignsUp(e2e, boss, testPhone(), shots);
    const gig = await employerPostsGig(
      boss,
      how === "location" ? "商场保洁 2 人" : "商场保洁（夜班）",
      shots,
    );
    if (shots) await boss.goto(`/employer/gigs/${gig.id}`);

    await workerFindsAndApplies(e2e, phone, gig, { phone: testPhone(), name: workerName }, shots);
    await employerAccepts(boss, gig, workerName, shots);
    await workerConfirms(phone, gig, shots);

    // The server's clock moves to the shift; the browsers keep real time.
    const posted = await gigAsPosted(e2e, gig.id);
    if (how === "location") await worker.setGeolocation({ latitude: posted.lat, longitude: posted.lng });
    const startsAt = new Date(posted.startsAt);
    clock.set(new Date(startsAt.getTime() - 5 * 60_000));
    await workerChecksIn(phone, gig, how, shots);
    clock.set(new Date(startsAt.getTime() + 9 * 3_600_000));
    await workerChecksOut(phone, shots);

    await employerApprovesAndPays(boss, gig, workerName, shots);
    await workerConfirmsPay(phone, gig, shots);
    await workerRatesEmployer(phone, gig, shots);
    await employerRatesWorker(boss, gig, workerName, shots);
  } catch (error) {
    // What each person saw when it broke, for whoever reads the CI log.
    await boss.screenshot({ path: `test-results/failed-${how}-employer.png` }).catch(() => undefined);
    await phone.screenshot({ path: `test-results/failed-${how}-worker.png` }).catch(() => undefined);
    throw error;
  } finally {
    await employer.close();
    await worker.close();
  }
}

/** Where and when the gig is, as the server stored it: the worker stands on that point. */
async function gigAsPosted(e2e: E2E, gigId: string): Promise<{ startsAt: string; lat: number; lng: number }> {
  const response = await e2e.t.request("GET", `/api/gigs/${gigId}`);
  return response.json();
}

describe("the gig lifecycle in a browser", () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await e2e?.close();
  });

  it("a worker checks in by the phone's location, and every screen is captured", async () => {
    await lifecycle(e2e, "location", true);
  });

  it("a worker whose phone refuses location checks in with the employer's code", async () => {
    await lifecycle(e2e, "code", false);
  });
});
