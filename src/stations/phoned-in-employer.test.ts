import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import { employer, JINGKOU, postedGig, stationStaff, worker } from "../../test/support/market-fixtures.ts";
import { auditLog } from "../db/schema/index.ts";

describe("an employer on the phone: staff read out the applicants of its gigs", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("lists the employer's gigs in the staff member's district, and the applicants with phones masked, audited", async () => {
    const boss = await employer(t, "镇江老街面馆");
    const here = await postedGig(t, boss, { title: "洗碗工（晚班）" });
    const elsewhere = await postedGig(t, boss, { title: "京口区的保洁", ...JINGKOU });
    const applicant = await worker(t, { name: "刘桂芳" });
    const applied = await t.request("POST", `/api/gigs/${here}/applications`, {
      as: applicant.token,
      body: {},
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const staff = await stationStaff(t);

    const gigs = await t.request("GET", `/api/stations/employers/${boss.employerId}/gigs`, {
      as: staff.token,
    });
    assert.equal(gigs.statusCode, 200, gigs.body);
    const listed = gigs.json() as Array<{ id: string; pendingApplications: number }>;
    assert.deepEqual(
      listed.map((g) => [g.id, g.pendingApplications]),
      [[here, 1]],
      "only the gig in her district, with the one answer it awaits",
    );
    assert.ok(!listed.some((g) => g.id === elsewhere));

    const applicants = await t.request("GET", `/api/gigs/${here}/applications`, { as: staff.token });
    assert.equal(applicants.statusCode, 200, applicants.body);
    const [row] = applicants.json();
    assert.equal(row.name, "刘桂芳");
    assert.match(row.phone, /^1\d{2}\*{4}\d{4}$/);
    const audited = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "gig.applicants_viewed"), eq(auditLog.subjectId, here)));
    assert.equal(audited.length, 1, "the staff view of their names is in the audit log");
    assert.equal(audited[0].personalData, true);

    const outside = await t.request("GET", `/api/gigs/${elsewhere}/applications`, { as: staff.token });
    assert.equal(outside.statusCode, 403, "another district's gig is not hers to read");
    const stranger = await t.request("GET", `/api/stations/employers/${boss.employerId}/gigs`, {
      as: applicant.token,
    });
    assert.equal(stranger.statusCode, 403);
    const unknown = await t.request("GET", `/api/stations/employers/${applicant.userId}/gigs`, {
      as: staff.token,
    });
    assert.equal(unknown.json().error.code, "employer_not_found");
  });
});
