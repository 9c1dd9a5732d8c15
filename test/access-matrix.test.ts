/**
 * The role × route matrix for every state-changing operation of the OpenAPI document. Each
 * operation names who may act on the objects set up here (a 润州 employer's gigs, its worker's
 * booking, a 润州 station's staff); every other caller — a stranger, the other party, staff or
 * an admin of 京口, the province admin of 江苏, who only reads — must be refused with 401, 403 or
 * 404 and the error envelope, never a 2xx.
 * A new write route fails this test until it is given its line below; a few reads are listed too.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import {
  devices,
  dispatchOffers,
  employers,
  kioskQrSignIns,
  notificationOutbox,
  notifications,
  users,
  workerProfiles,
} from "../src/db/schema/index.ts";
import { insertDispatch } from "../src/matching/matching.repository.ts";
import { ManualClock } from "../src/platform/clock.ts";
import { startTestApp, type TestApp, testPhone } from "./support/app.ts";
import {
  type Actor,
  type EmployerActor,
  employer,
  JINGKOU,
  postedGig,
  RUNZHOU,
  stationStaff,
  worker,
} from "./support/market-fixtures.ts";
import { ON_SITE, workedShift } from "./support/shift-fixtures.ts";

const CALLERS = [
  "anonymous",
  "worker",
  "otherWorker",
  "employer",
  "otherEmployer",
  "staff",
  "otherStaff",
  "districtAdmin",
  "otherDistrictAdmin",
  "cityAdmin",
  /** 江苏's province admin (issue 18): reads the monitoring platform of its cities, writes nothing. */
  "provinceAdmin",
] as const;
type Caller = (typeof CALLERS)[number];

/** The objects the callers act on: all of 润州, all of `worker` and `employer`. */
const QR_SECRET = "access-matrix-qr-secret-0123456789";

interface World {
  gigId: string;
  applicationId: string;
  invitationId: string;
  bookingId: string;
  paymentId: string;
  complaintId: string;
  dispatchId: string;
  /** An offer of that dispatch that became the pending invitation above. */
  dispatchOfferId: string;
  deviceId: string;
  /** A terminal's QR sign-in waiting for a worker to confirm it, and its secret. */
  qrSignInId: string;
  employerId: string;
  stationId: string;
  staffAccountId: string;
  workerId: string;
  otherWorkerId: string;
  notificationId: string;
  jobAlertId: string;
  /** Another alert of `worker`, set up at the station, that the station may stop. */
  walkInAlertId: string;
  /** An SMS to `worker` that failed every attempt. */
  deadLetterId: string;
  now: () => Date;
}

interface WriteRoute {
  /**
   * Who may act here; everyone else is refused. The first is tried last, to show it is reachable.
   * "device": only an enrolled device's token (src/devices/devices.test.ts); every session gets 401.
   */
  allowed: readonly Caller[] | "public" | "device";
  url(w: World): string;
  body?(w: World): unknown;
}

const STAFF_OF_RUNZHOU = ["staff", "districtAdmin", "cityAdmin"] as const;
const SIGNED_IN = CALLERS.filter((c) => c !== "anonymous");
/** Everyone signed in who may change anything at all: all but the read-only province admin. */
const WRITERS = SIGNED_IN.filter((c) => c !== "provinceAdmin");
const ADMINS_OF_RUNZHOU = ["districtAdmin", "cityAdmin"] as const;

const gigBody = (w: World, overrides: Record<string, unknown> = {}) => {
  const start = w.now().getTime() + 48 * 3_600_000;
  return {
    categoryCode: "cleaning",
    title: "小区保洁",
    description: "楼道保洁",
    address: "镇江市润州区中山西路1号",
    ...RUNZHOU,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * 3_600_000).toISOString(),
    headcount: 1,
    payFen: 150_00,
    payUnit: "day",
    settlement: "same_day",
    requirements: "",
    employerId: w.employerId,
    ...overrides,
  };
};

/** A 代办 route for `worker`: only the counter staff and the district admin of her district. */
function onBehalf(
  path: string,
  body: (w: World) => Record<string, unknown> = () => ({}),
  id?: (w: World) => string,
): Record<string, WriteRoute> {
  return {
    [`POST /api/stations/workers/{workerId}/${path}`]: {
      allowed: ["staff", "districtAdmin"],
      url: (w) => `/api/stations/workers/${w.workerId}/${id ? path.replace("{id}", id(w)) : path}`,
      body: (w) => ({ ...body(w), consentNote: "本人到场口头同意" }),
    },
  };
}

/** A bulk import of an empty sheet (its header only). */
function imports(kind: string, header: string): Record<string, WriteRoute> {
  return {
    [`POST /api/admin/imports/${kind}`]: {
      allowed: ["districtAdmin", "otherDistrictAdmin", "cityAdmin"],
      url: () => `/api/admin/imports/${kind}`,
      body: () => ({
        fileName: `${kind}.csv`,
        contentBase64: Buffer.from(`${header}\n`).toString("base64"),
      }),
    },
  };
}

const ROUTES: Record<string, WriteRoute> = {
  "POST /api/auth/codes": { allowed: "public", url: () => "/api/auth/codes" },
  "POST /api/auth/sign-in/phone": { allowed: "public", url: () => "/api/auth/sign-in/phone" },
  "POST /api/auth/sign-in/password": { allowed: "public", url: () => "/api/auth/sign-in/password" },
  "POST /api/auth/sign-out": { allowed: "public", url: () => "/api/auth/sign-out" },

  // One's own profile: every worker and every employer has one; nobody writes another's.
  "PUT /api/workers/me/profile": {
    allowed: ["worker", "otherWorker"],
    url: () => "/api/workers/me/profile",
    body: () => ({
      name: "张师傅",
      categoryCodes: ["cleaning"],
      districtCodes: ["321111"],
      homeLat: 32.21,
      homeLng: 119.43,
    }),
  },
  "PUT /api/employers/me": {
    allowed: ["employer", "otherEmployer"],
    url: () => "/api/employers/me",
    body: () => ({ kind: "individual", name: "周先生", districtCode: "321111" }),
  },
  "POST /api/employers/{id}/verification": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/employers/${w.employerId}/verification`,
    body: () => ({ decision: "verified" }),
  },

  "POST /api/admin/stations": {
    allowed: ADMINS_OF_RUNZHOU,
    url: () => "/api/admin/stations",
    body: () => ({ name: "金山驿站", kind: "station", address: "金山路1号", ...RUNZHOU }),
  },
  "PATCH /api/admin/stations/{id}": {
    allowed: ADMINS_OF_RUNZHOU,
    url: (w) => `/api/admin/stations/${w.stationId}`,
    body: () => ({ name: "宝塔路零工驿站（新）" }),
  },
  "POST /api/admin/staff": {
    allowed: ADMINS_OF_RUNZHOU,
    url: () => "/api/admin/staff",
    body: (w) => ({
      username: "runzhou.matrix",
      displayName: "新同事",
      role: "station_staff",
      stationId: w.stationId,
      password: "a-long-enough-password",
    }),
  },
  "PATCH /api/admin/staff/{id}": {
    allowed: ADMINS_OF_RUNZHOU,
    url: (w) => `/api/admin/staff/${w.staffAccountId}`,
    body: () => ({ displayName: "改了名字" }),
  },
  "POST /api/admin/staff/{id}/password": {
    allowed: ADMINS_OF_RUNZHOU,
    url: (w) => `/api/admin/staff/${w.staffAccountId}/password`,
    body: () => ({ password: "another-long-password" }),
  },
  "POST /api/admin/categories": {
    allowed: ["cityAdmin"],
    url: () => "/api/admin/categories",
    body: () => ({
      code: "matrix_helper",
      nameZh: "助老陪护",
      nameEn: "Elder-care helper",
      occupationCode: "4-10-01-05",
      occupationGroup: 4,
      defaultPayUnit: "day",
      referenceDailyPayFen: 22000,
    }),
  },
  "PATCH /api/admin/categories/{code}": {
    allowed: ["cityAdmin"],
    url: () => "/api/admin/categories/cleaning",
    body: () => ({ referenceDailyPayFen: 21000 }),
  },
  // Any admin imports into her own scope; rows outside her district are rejected (src/imports tests).
  ...imports("workers", "姓名,手机号,身份证号,区县代码"),
  ...imports("employers", "单位名称,统一社会信用代码,联系电话,所在区县"),
  ...imports("stations", "驿站名称,类型,所在区县,地址"),
  "PUT /api/admin/settings": {
    allowed: ["cityAdmin"],
    url: () => "/api/admin/settings",
    body: () => ({
      checkInRadiusM: 800,
      freeCancelHours: 24,
      noShowGraceMin: 45,
      autoCheckOutGraceMin: 90,
      disputeWindowHours: 48,
      complaintDueDays: 5,
    }),
  },

  // Any employer posts its own gig (the employerId is for staff); staff only into their district.
  "POST /api/gigs": {
    allowed: ["employer", "otherEmployer", "staff"],
    url: () => "/api/gigs",
    body: gigBody,
  },
  "POST /api/gigs/{id}/applications": {
    allowed: ["otherWorker", "worker"],
    url: (w) => `/api/gigs/${w.gigId}/applications`,
    body: () => ({}),
  },
  "POST /api/gigs/{id}/invitations": {
    allowed: ["employer"],
    url: (w) => `/api/gigs/${w.gigId}/invitations`,
    body: (w) => ({ workerId: w.otherWorkerId }),
  },
  "POST /api/applications/{id}/accept": {
    allowed: ["employer"],
    url: (w) => `/api/applications/${w.applicationId}/accept`,
  },
  "POST /api/applications/{id}/reject": {
    allowed: ["employer"],
    url: (w) => `/api/applications/${w.applicationId}/reject`,
  },
  "POST /api/applications/{id}/withdraw": {
    allowed: ["worker"],
    url: (w) => `/api/applications/${w.applicationId}/withdraw`,
  },
  "POST /api/applications/{id}/decline": {
    allowed: ["worker"],
    url: (w) => `/api/applications/${w.invitationId}/decline`,
  },

  "POST /api/bookings/{id}/confirm": {
    allowed: ["worker"],
    url: (w) => `/api/bookings/${w.bookingId}/confirm`,
  },
  "POST /api/bookings/{id}/cancel": {
    allowed: ["worker", "employer"],
    url: (w) => `/api/bookings/${w.bookingId}/cancel`,
    body: () => ({ reasonCode: "sick" }),
  },
  "POST /api/bookings/{id}/no-show": {
    allowed: ["employer"],
    url: (w) => `/api/bookings/${w.bookingId}/no-show`,
  },
  "POST /api/bookings/{id}/check-in": {
    allowed: ["worker"],
    url: (w) => `/api/bookings/${w.bookingId}/check-in`,
    body: () => ON_SITE,
  },
  "POST /api/bookings/{id}/check-out": {
    allowed: ["worker"],
    url: (w) => `/api/bookings/${w.bookingId}/check-out`,
    body: () => ({}),
  },
  "POST /api/bookings/{id}/ratings": {
    allowed: ["worker", "employer"],
    url: (w) => `/api/bookings/${w.bookingId}/ratings`,
    body: () => ({ stars: 5 }),
  },
  "POST /api/bookings/{id}/timesheet/approve": {
    allowed: ["employer"],
    url: (w) => `/api/bookings/${w.bookingId}/timesheet/approve`,
    body: () => ({}),
  },
  "POST /api/bookings/{id}/timesheet/dispute": {
    allowed: ["worker"],
    url: (w) => `/api/bookings/${w.bookingId}/timesheet/dispute`,
    body: () => ({ reason: "少算了一小时" }),
  },
  "POST /api/bookings/{id}/timesheet/resolve": {
    allowed: ["employer", ...STAFF_OF_RUNZHOU],
    url: (w) => `/api/bookings/${w.bookingId}/timesheet/resolve`,
    body: () => ({ approvedMinutes: 480, note: "按实际工时" }),
  },
  "POST /api/bookings/{id}/payments": {
    allowed: ["employer"],
    url: (w) => `/api/bookings/${w.bookingId}/payments`,
    body: (w) => ({ amountFen: 100, method: "cash", paidAt: w.now().toISOString() }),
  },
  "POST /api/payments/{id}/confirm": {
    allowed: ["worker"],
    url: (w) => `/api/payments/${w.paymentId}/confirm`,
  },
  "POST /api/payments/{id}/dispute": {
    allowed: ["worker"],
    url: (w) => `/api/payments/${w.paymentId}/dispute`,
    body: () => ({ reason: "没有收到" }),
  },

  "POST /api/dispatches/preview": {
    allowed: STAFF_OF_RUNZHOU,
    url: () => "/api/dispatches/preview",
    body: (w) => ({ gigIds: [w.gigId], districtCode: RUNZHOU.districtCode, maxKm: 10 }),
  },
  "POST /api/dispatches/{id}/send": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/dispatches/${w.dispatchId}/send`,
  },
  "POST /api/dispatches/{id}/offers/{offerId}/unanswered-calls": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/dispatches/${w.dispatchId}/offers/${w.dispatchOfferId}/unanswered-calls`,
    body: () => ({}),
  },

  "POST /api/complaints": {
    allowed: ["worker"],
    url: () => "/api/complaints",
    body: (w) => ({ kind: "safety", bookingId: w.bookingId, description: "没有安全帽" }),
  },
  "POST /api/complaints/{id}/assign": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/complaints/${w.complaintId}/assign`,
  },
  "POST /api/complaints/{id}/resolve": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/complaints/${w.complaintId}/resolve`,
    body: () => ({ resolution: "已调解", outcome: "resolved" }),
  },
  "POST /api/complaints/{id}/follow-ups": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/complaints/${w.complaintId}/follow-ups`,
    body: () => ({ kind: "call", note: "电话联系雇主" }),
  },
  "POST /api/complaints/{id}/referral": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/complaints/${w.complaintId}/referral`,
    body: () => ({ caseNumber: "镇人社监〔2030〕1号", note: "移交监察" }),
  },
  "POST /api/complaints/{id}/inspection": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/complaints/${w.complaintId}/inspection`,
    body: () => ({ status: "accepted", note: "已立案" }),
  },
  ...onBehalf("complaints", (w) => ({
    kind: "safety",
    bookingId: w.bookingId,
    description: "工地没有发安全帽",
  })),

  // A station serves whoever comes to its counter; it writes only its own records.
  "POST /api/stations/walk-in-workers": {
    allowed: ["staff", "otherStaff"],
    url: () => "/api/stations/walk-in-workers",
    body: () => ({
      phone: testPhone(),
      name: "王秀英",
      categoryCodes: ["cleaning"],
      districtCodes: ["321111"],
      verbalConsent: true,
    }),
  },
  "POST /api/stations/service-records": {
    allowed: ["staff", "otherStaff"],
    url: () => "/api/stations/service-records",
    body: (w) => ({ personUserId: w.workerId, kind: "job_referral", note: "推荐了保洁岗位" }),
  },

  // Devices of a station: enrolled and revoked by staff of its district; the device trades its code.
  "POST /api/devices": {
    allowed: STAFF_OF_RUNZHOU,
    url: () => "/api/devices",
    body: (w) => ({ stationId: w.stationId, kind: "screen", name: "门口大屏" }),
  },
  "POST /api/devices/{id}/revoke": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/devices/${w.deviceId}/revoke`,
  },
  "POST /api/devices/enrol": { allowed: "public", url: () => "/api/devices/enrol" },
  // The city chooser's list: anyone, in any city (request-city.ts).
  "GET /api/cities": { allowed: "public", url: () => "/api/cities" },
  "POST /api/devices/self/queue-slips": {
    allowed: "device",
    url: () => "/api/devices/self/queue-slips",
    body: () => ({}),
  },
  "POST /api/devices/self/uses": {
    allowed: "device",
    url: () => "/api/devices/self/uses",
    body: () => ({ kind: "session" }),
  },
  // The terminal's person: the device token, and her short session in X-Person-Token (never a session alone).
  "POST /api/devices/self/sign-in": {
    allowed: "device",
    url: () => "/api/devices/self/sign-in",
    body: () => ({ phone: "13952899999", code: "000000", role: "worker" }),
  },
  "POST /api/devices/self/sign-out": { allowed: "device", url: () => "/api/devices/self/sign-out" },
  "POST /api/devices/self/qr-sign-ins": { allowed: "device", url: () => "/api/devices/self/qr-sign-ins" },
  "POST /api/devices/self/qr-sign-ins/{id}/claim": {
    allowed: "device",
    url: (w) => `/api/devices/self/qr-sign-ins/${w.qrSignInId}/claim`,
  },
  // 扫码登录: whichever worker holds the QR code's secret reads and confirms it in her app.
  "POST /api/terminal-sign-ins/{id}/look": {
    allowed: ["worker", "otherWorker"],
    url: (w) => `/api/terminal-sign-ins/${w.qrSignInId}/look`,
    body: () => ({ secret: QR_SECRET }),
  },
  "POST /api/terminal-sign-ins/{id}/confirm": {
    allowed: ["worker", "otherWorker"],
    url: (w) => `/api/terminal-sign-ins/${w.qrSignInId}/confirm`,
    body: () => ({ secret: QR_SECRET }),
  },
  "POST /api/devices/self/worker-profile": {
    allowed: "device",
    url: () => "/api/devices/self/worker-profile",
    body: () => ({ name: "王阿姨", categoryCodes: [] }),
  },
  "POST /api/devices/self/applications": {
    allowed: "device",
    url: () => "/api/devices/self/applications",
    body: (w) => ({ gigId: w.gigId }),
  },
  "POST /api/devices/self/employer-profile": {
    allowed: "device",
    url: () => "/api/devices/self/employer-profile",
    body: () => ({ kind: "individual", name: "王女士" }),
  },
  "POST /api/devices/self/gigs": {
    allowed: "device",
    url: () => "/api/devices/self/gigs",
    body: () => ({
      categoryCode: "cleaning",
      dayOffset: 1,
      startHour: 8,
      hours: 4,
      headcount: 1,
      payFen: 20_000,
      payUnit: "day",
      settlement: "same_day",
      street: "南徐大道88号",
    }),
  },

  // The counter acts for a worker of its district with her consent (代办): `worker` looks for work in 润州.
  ...onBehalf("applications", (w) => ({ gigId: w.gigId })),
  ...onBehalf("applications/{id}/accept", undefined, (w) => w.invitationId),
  ...onBehalf("applications/{id}/decline", undefined, (w) => w.invitationId),
  ...onBehalf("bookings/{id}/confirm", undefined, (w) => w.bookingId),
  ...onBehalf(
    "bookings/{id}/cancel",
    () => ({ reasonCode: "sick" }),
    (w) => w.bookingId,
  ),
  ...onBehalf(
    "bookings/{id}/check-in",
    () => ({ code: "123456" }),
    (w) => w.bookingId,
  ),
  ...onBehalf("bookings/{id}/check-out", undefined, (w) => w.bookingId),
  ...onBehalf("payments/{id}/confirm", undefined, (w) => w.paymentId),
  ...onBehalf(
    "payments/{id}/dispute",
    () => ({ reason: "少了 20 元" }),
    (w) => w.paymentId,
  ),

  // Every signed-in person geocodes an address (a look-up: nothing is written) and all but the
  // read-only province admin manage their own notifications.
  "POST /api/places/geocode": {
    allowed: SIGNED_IN,
    url: () => "/api/places/geocode",
    body: () => ({ districtCode: RUNZHOU.districtCode, street: "中山西路1号" }),
  },
  "POST /api/notifications/read-all": { allowed: WRITERS, url: () => "/api/notifications/read-all" },
  "PUT /api/notifications/preferences": {
    allowed: WRITERS,
    url: () => "/api/notifications/preferences",
    body: () => ({ sms: true, voice: false, lang: "zh-CN" }),
  },
  "POST /api/notifications/{id}/read": {
    allowed: ["worker"],
    url: (w) => `/api/notifications/${w.notificationId}/read`,
  },
  "POST /api/job-alerts": {
    allowed: ["worker", "otherWorker"],
    url: () => "/api/job-alerts",
    body: () => ({ categoryCode: "cleaning", districtCode: RUNZHOU.districtCode }),
  },
  "DELETE /api/job-alerts/{id}": { allowed: ["worker"], url: (w) => `/api/job-alerts/${w.jobAlertId}` },
  // `worker` registered at the 润州 station of `staff`.
  "POST /api/workers/{id}/job-alerts": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/workers/${w.workerId}/job-alerts`,
    body: () => ({ categoryCode: "cleaning", districtCode: RUNZHOU.districtCode }),
  },
  "DELETE /api/workers/{id}/job-alerts/{alertId}": {
    allowed: STAFF_OF_RUNZHOU,
    url: (w) => `/api/workers/${w.workerId}/job-alerts/${w.walkInAlertId}`,
  },
  // Dead letters are the city's: only its admin sends them again.
  "POST /api/notifications/dead-letters/{id}/retry": {
    allowed: ["cityAdmin"],
    url: (w) => `/api/notifications/dead-letters/${w.deadLetterId}/retry`,
  },

  // Reads listed here as well: the 大屏's, in 润州 — 京口's admin asking for it is refused; 江苏's
  // province admin reads it, as she reads every page of the province's cities.
  "GET /api/monitoring/screen": {
    allowed: [...ADMINS_OF_RUNZHOU, "provinceAdmin"],
    url: () => `/api/monitoring/screen?period=day&district=${RUNZHOU.districtCode}`,
  },
  "GET /api/monitoring/feed": {
    allowed: [...ADMINS_OF_RUNZHOU, "provinceAdmin"],
    url: () => `/api/monitoring/feed?period=day&district=${RUNZHOU.districtCode}`,
  },
  // The list behind a figure names people: the admins of the city that holds them, not the province.
  "GET /api/monitoring/drill/{figure}": {
    allowed: ADMINS_OF_RUNZHOU,
    url: () => `/api/monitoring/drill/seekers?district=${RUNZHOU.districtCode}`,
  },
  // The cities side by side are the province's page; a city's admin has her districts page.
  "GET /api/monitoring/cities": {
    allowed: ["provinceAdmin"],
    url: () => "/api/monitoring/cities?period=day",
  },

  // Last, because cancelling the gig ends its applications for the callers tried before.
  "POST /api/gigs/{id}/cancel": {
    allowed: ["employer", ...STAFF_OF_RUNZHOU],
    url: (w) => `/api/gigs/${w.gigId}/cancel`,
    body: () => ({ reasonCode: "no_longer_needed" }),
  },

  // 注销账号: a worker or employer closes their own account, nobody else's; staff accounts are
  // the bureau's. The body is not the confirming word, so the caller in scope is stopped after the
  // access checks and the world stays open for the other lines.
  "POST /api/me/close": {
    allowed: ["worker", "otherWorker", "employer", "otherEmployer"],
    url: () => "/api/me/close",
    body: () => ({ confirmation: "不注销" }),
  },
};

describe("who may change what: every write route, every role", () => {
  let t: TestApp;
  let world: World;
  const tokens = new Map<Caller, string | undefined>();

  before(async () => {
    const clock = new ManualClock(new Date("2030-03-01T00:00:00Z"));
    t = await startTestApp({ clock });
    const db = t.ctx.database.db;
    const boss: EmployerActor = await employer(t);
    await db
      .update(employers)
      .set({ districtCode: RUNZHOU.districtCode })
      .where(eq(employers.id, boss.employerId));
    const shift = await workedShift(t, clock, { boss });
    await db
      .update(workerProfiles)
      .set({ districtCodes: [RUNZHOU.districtCode] })
      .where(eq(workerProfiles.userId, shift.who.userId));
    const other: Actor = await worker(t, { name: "赵师傅" });
    const as = (token: string, method: string, url: string, body?: unknown) =>
      t.request(method, url, { as: token, body }).then((r) => {
        assert.ok(r.statusCode < 300, `${method} ${url}: ${r.body}`);
        return r.json();
      });
    await as(boss.token, "POST", `/api/bookings/${shift.bookingId}/timesheet/approve`, {});
    const payment = await as(boss.token, "POST", `/api/bookings/${shift.bookingId}/payments`, {
      amountFen: 200_00,
      method: "wechat",
      paidAt: clock.now().toISOString(),
    });
    const gigId = await postedGig(t, boss);
    const invitedGigId = await postedGig(t, boss, {}, 72);
    const application = await as(shift.who.token, "POST", `/api/gigs/${gigId}/applications`, {});
    const invitation = await as(boss.token, "POST", `/api/gigs/${invitedGigId}/invitations`, {
      workerId: shift.who.userId,
    });
    const complaint = await as(shift.who.token, "POST", "/api/complaints", {
      kind: "abuse",
      bookingId: shift.bookingId,
      description: "现场管理人员辱骂工人",
    });

    const staff = await stationStaff(t);
    const colleague = await stationStaff(t);
    // A colleague at a 润州 station: the account and the station the admins manage.
    const [{ stationId }] = await db
      .select({ stationId: users.stationId })
      .from(users)
      .where(eq(users.id, colleague.userId));
    const dispatch = await insertDispatch(
      db,
      {
        cityCode: "321100",
        stationId,
        createdBy: staff.userId,
        params: { districtCode: RUNZHOU.districtCode, maxKm: 10, gigIds: [gigId] },
        totalScore: 0,
      },
      [],
    );
    const [offer] = await db
      .insert(dispatchOffers)
      .values({
        dispatchId: dispatch.id,
        cityCode: "321100",
        gigId: invitedGigId,
        workerId: shift.who.userId,
        score: 1,
        reasons: [],
        applicationId: invitation.id,
        channel: "call",
      })
      .returning({ id: dispatchOffers.id });
    const [device] = await db
      .insert(devices)
      .values({
        cityCode: "321100",
        districtCode: RUNZHOU.districtCode,
        stationId: stationId as string,
        kind: "terminal",
        name: "自助机",
        createdBy: staff.userId,
        createdAt: clock.now(),
      })
      .returning({ id: devices.id });

    tokens.set("anonymous", undefined);
    tokens.set("worker", shift.who.token);
    tokens.set("otherWorker", other.token);
    tokens.set("employer", boss.token);
    tokens.set("otherEmployer", (await employer(t, "京口另一家公司")).token);
    tokens.set("staff", staff.token);
    tokens.set("otherStaff", (await stationStaff(t, JINGKOU.districtCode)).token);
    tokens.set(
      "districtAdmin",
      (await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode })).token,
    );
    tokens.set(
      "otherDistrictAdmin",
      (await t.tokenFor("district_admin", { districtCode: JINGKOU.districtCode })).token,
    );
    tokens.set("cityAdmin", (await t.tokenFor("city_admin")).token);
    tokens.set("provinceAdmin", (await t.tokenFor("province_admin")).token);

    await db
      .update(workerProfiles)
      .set({
        registeredByStationId: (await db.select().from(users).where(eq(users.id, staff.userId)))[0].stationId,
      })
      .where(eq(workerProfiles.userId, shift.who.userId));
    const [notice] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, shift.who.userId))
      .limit(1);
    assert.ok(notice, "the worker has been told of something by now");
    const alert = await as(shift.who.token, "POST", "/api/job-alerts", {
      categoryCode: "cleaning",
      districtCode: RUNZHOU.districtCode,
    });
    const walkInAlert = await as(staff.token, "POST", `/api/workers/${shift.who.userId}/job-alerts`, {
      categoryCode: null,
      districtCode: RUNZHOU.districtCode,
    });
    const [person] = await db.select().from(users).where(eq(users.id, shift.who.userId));
    const [deadLetter] = await db
      .insert(notificationOutbox)
      .values({
        cityCode: person.cityCode,
        userId: person.id,
        channel: "sms",
        kind: "hours_approved",
        phone: person.phone ?? "",
        lang: "zh-CN",
        templateId: "SMS_TEST",
        params: {},
        text: "工时已确认",
        status: "dead",
        attempts: 6,
        lastError: "gateway down",
      })
      .returning({ id: notificationOutbox.id });

    const [qrSignIn] = await db
      .insert(kioskQrSignIns)
      .values({
        deviceId: device.id,
        cityCode: "321100",
        secretHash: createHash("sha256").update(QR_SECRET).digest("hex"),
        expiresAt: new Date(clock.now().getTime() + 86_400_000),
        createdAt: clock.now(),
      })
      .returning({ id: kioskQrSignIns.id });

    world = {
      gigId,
      applicationId: application.id,
      invitationId: invitation.id,
      bookingId: shift.bookingId,
      paymentId: payment.id,
      complaintId: complaint.id,
      dispatchId: dispatch.id,
      dispatchOfferId: offer.id,
      deviceId: device.id,
      qrSignInId: qrSignIn.id,
      employerId: boss.employerId,
      stationId: stationId as string,
      staffAccountId: colleague.userId,
      workerId: shift.who.userId,
      otherWorkerId: other.userId,
      notificationId: notice.id,
      jobAlertId: alert.id,
      walkInAlertId: walkInAlert.id,
      deadLetterId: deadLetter.id,
      now: () => clock.now(),
    };
  });
  after(() => t.close());

  const call = (route: string, caller: Caller) => {
    const [method] = route.split(" ");
    const entry = ROUTES[route];
    return t.request(method, entry.url(world), { as: tokens.get(caller), body: entry.body?.(world) });
  };

  it("the list covers every write operation of the OpenAPI document", async () => {
    const doc = (await t.request("GET", "/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const writes = operations.filter((o) => /^(POST|PUT|PATCH|DELETE) /.test(o));
    const missing = writes.filter((w) => !(w in ROUTES));
    assert.deepEqual(missing, [], "each new write route needs its line in this matrix");
    const stale = Object.keys(ROUTES).filter((r) => !operations.includes(r));
    assert.deepEqual(stale, [], "routes that no longer exist");
  });

  it("callers out of scope are refused with 401, 403 or 404 and the error envelope", async () => {
    const wrong: string[] = [];
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (entry.allowed === "public") continue;
      const allowed = entry.allowed;
      for (const caller of CALLERS.filter((c) => allowed === "device" || !allowed.includes(c))) {
        const response = await call(route, caller);
        const expected = caller === "anonymous" || allowed === "device" ? [401] : [403, 404];
        const error = response.json().error;
        const enveloped = typeof error?.code === "string" && typeof error?.message === "string";
        if (!expected.includes(response.statusCode) || !enveloped) {
          wrong.push(`${route} as ${caller}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("a caller in scope gets past the access checks (so the refusals above are not by accident)", async () => {
    const wrong: string[] = [];
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (entry.allowed === "public" || entry.allowed === "device") continue;
      const response = await call(route, entry.allowed[0]);
      const code = response.statusCode < 300 ? null : response.json().error?.code;
      if ([401, 403, 404].includes(response.statusCode) || code === "invalid_request") {
        wrong.push(`${route} as ${entry.allowed[0]}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

/**
 * GET /metrics is outside /api and outside the session scheme: with METRICS_TOKEN set only that
 * bearer token opens it, whatever role a caller has (src/system/metrics-access.ts).
 */
describe("who may read /metrics", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    t.ctx.config.metricsToken = "prometheus-scrape-token";
  });
  after(() => t.close());

  it("no session of any role opens it; the metrics token does", async () => {
    const wrong: string[] = [];
    const sessions = [
      undefined,
      (await worker(t)).token,
      (await employer(t)).token,
      (await stationStaff(t)).token,
      (await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode })).token,
      (await t.tokenFor("city_admin")).token,
    ];
    for (const token of sessions) {
      const response = await t.request("GET", "/metrics", { as: token });
      if (response.statusCode !== 401 || response.json().error?.code !== "metrics_token_required")
        wrong.push(`${token ?? "anonymous"}: ${response.statusCode}`);
    }
    assert.deepEqual(wrong, []);
    assert.equal((await t.request("GET", "/metrics", { as: "prometheus-scrape-token" })).statusCode, 200);
  });
});
