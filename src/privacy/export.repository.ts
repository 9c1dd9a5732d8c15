/**
 * SQL for 我的数据: one query per kind of data held about a person. Each names the tables it reads
 * (`tables`), so the coverage test can prove every table holding a person's id is in the export.
 */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/client.ts";

/** Whose data: the account, and the employer it owns (an employer account), if any. */
export interface Person {
  userId: string;
  employerId: string | null;
}

export interface ExportQuery {
  kind: string;
  /** Tables whose rows about the person this kind shows. */
  tables: readonly string[];
  query(person: Person): SQL;
}

/** The bookings the person is a party to: as the worker, or as the employer. */
const myBookings = (p: Person) =>
  sql`select id from bookings where worker_id = ${p.userId} or employer_id = ${p.employerId}`;

/** Everything a staff view of personal data may name as its subject when the subject is this person. */
const mySubjects = (p: Person) => sql`
  select ${p.userId}::text
  union all select ${p.employerId}::text where ${p.employerId}::uuid is not null
  union all select id::text from bookings where worker_id = ${p.userId} or employer_id = ${p.employerId}
  union all select id::text from complaints where complainant_user_id = ${p.userId} or against_employer_id = ${p.employerId}
  union all select id::text from gigs where employer_id = ${p.employerId}`;

export const EXPORT_QUERIES: readonly ExportQuery[] = [
  {
    kind: "account",
    tables: ["users"],
    query: (p) => sql`
      select role, phone, display_name as "displayName", status, created_at as "createdAt",
             last_sign_in_at as "lastSignInAt"
        from users where id = ${p.userId}`,
  },
  {
    kind: "workerProfile",
    tables: ["worker_profiles"],
    query: (p) => sql`
      select name, sex, birth_year as "birthYear", education, id_number_masked as "idNumber", birth_date as "birthDate", certificates,
             category_codes as "categoryCodes", any_category as "anyCategory", skills,
             district_codes as "districtCodes", home_lat as "homeLat", home_lng as "homeLng",
             range_km as "rangeKm", availability, expected_daily_pay_fen as "expectedDailyPayFen",
             experience_years as "experienceYears", intro, seeking_since as "seekingSince",
             completed_count as "completedCount", no_show_count as "noShowCount",
             late_cancel_count as "lateCancelCount", updated_at as "updatedAt"
        from worker_profiles where user_id = ${p.userId}`,
  },
  {
    kind: "employer",
    tables: ["employers"],
    query: (p) => sql`
      select kind, name, credit_code as "creditCode", industry_code as "industryCode",
             district_code as "districtCode", contact_name as "contactName", verification,
             verified_at as "verifiedAt", created_at as "createdAt"
        from employers where owner_user_id = ${p.userId}`,
  },
  {
    kind: "gigs",
    tables: ["gigs"],
    query: (p) => sql`
      select id, title, category_code as "categoryCode", address, starts_at as "startsAt",
             ends_at as "endsAt", headcount, pay_fen as "payFen", pay_unit as "payUnit", status,
             created_at as "createdAt"
        from gigs where employer_id = ${p.employerId} or posted_by_user_id = ${p.userId}
       order by created_at`,
  },
  {
    kind: "applications",
    tables: ["applications"],
    query: (p) => sql`
      select a.id, g.title as gig, a.kind, a.status, a.message, a.created_at as "createdAt"
        from applications a join gigs g on g.id = a.gig_id
       where a.worker_id = ${p.userId} or g.employer_id = ${p.employerId}
       order by a.created_at`,
  },
  {
    kind: "bookings",
    tables: ["bookings"],
    query: (p) => sql`
      select b.id, g.title as gig, g.starts_at as "startsAt", b.status, b.created_at as "createdAt",
             b.cancelled_at as "cancelledAt", b.cancel_reason as "cancelReason",
             b.checked_in_at as "checkedInAt", b.check_in_method as "checkInMethod",
             b.check_in_lat as "checkInLat", b.check_in_lng as "checkInLng",
             b.checked_out_at as "checkedOutAt", b.completed_at as "completedAt"
        from bookings b join gigs g on g.id = b.gig_id
       where b.id in (${myBookings(p)})
       order by b.created_at`,
  },
  {
    kind: "hours",
    tables: ["timesheets"],
    query: (p) => sql`
      select t.booking_id as "bookingId", g.title as gig, t.measured_minutes as "measuredMinutes",
             t.approved_minutes as "approvedMinutes", t.amount_due_fen as "amountDueFen", t.status,
             t.correction_note as "correctionNote", t.dispute_reason as "disputeReason",
             t.approved_at as "approvedAt"
        from timesheets t join bookings b on b.id = t.booking_id join gigs g on g.id = b.gig_id
       where t.booking_id in (${myBookings(p)})
       order by t.created_at`,
  },
  {
    kind: "payments",
    tables: ["payments"],
    query: (p) => sql`
      select p.id, g.title as gig, p.amount_fen as "amountFen", p.method, p.paid_at as "paidAt",
             p.status, p.note, p.confirmed_at as "confirmedAt", p.dispute_reason as "disputeReason"
        from payments p join bookings b on b.id = p.booking_id join gigs g on g.id = b.gig_id
       where p.booking_id in (${myBookings(p)}) or p.recorded_by = ${p.userId}
       order by p.paid_at`,
  },
  {
    kind: "ratingsGiven",
    tables: ["ratings"],
    query: (p) => sql`
      select r.id, g.title as gig, r.stars, r.tags, r.comment, r.created_at as "createdAt"
        from ratings r join bookings b on b.id = r.booking_id join gigs g on g.id = b.gig_id
       where r.rater_user_id = ${p.userId}
       order by r.created_at`,
  },
  {
    kind: "ratingsReceived",
    tables: ["ratings"],
    query: (p) => sql`
      select r.id, g.title as gig, r.stars, r.tags, r.comment, r.created_at as "createdAt"
        from ratings r join bookings b on b.id = r.booking_id join gigs g on g.id = b.gig_id
       where r.rater_user_id <> ${p.userId}
         and ((r.direction = 'employer_to_worker' and b.worker_id = ${p.userId})
           or (r.direction = 'worker_to_employer' and b.employer_id = ${p.employerId}))
       order by r.created_at`,
  },
  {
    kind: "complaints",
    tables: ["complaints"],
    query: (p) => sql`
      select id, kind, case when complainant_user_id = ${p.userId} then 'filed' else 'against' end as role,
             amount_fen as "amountFen", description, status, resolution, due_at as "dueAt",
             resolved_at as "resolvedAt", created_at as "createdAt"
        from complaints
       where complainant_user_id = ${p.userId} or against_employer_id = ${p.employerId}
       order by created_at`,
  },
  {
    kind: "complaintFollowUps",
    tables: ["complaint_follow_ups"],
    query: (p) => sql`
      select f.complaint_id as "complaintId", f.kind, f.note, f.recovered_fen as "recoveredFen", f.at
        from complaint_follow_ups f join complaints c on c.id = f.complaint_id
       where c.complainant_user_id = ${p.userId} or c.against_employer_id = ${p.employerId}
       order by f.at`,
  },
  {
    kind: "notifications",
    tables: ["notifications"],
    query: (p) => sql`
      select kind, params, link, created_at as "createdAt", read_at as "readAt"
        from notifications where user_id = ${p.userId} order by created_at`,
  },
  {
    kind: "messagesSent",
    tables: ["notification_outbox"],
    query: (p) => sql`
      select channel, kind, phone, text, status, created_at as "createdAt", sent_at as "sentAt"
        from notification_outbox where user_id = ${p.userId} order by created_at`,
  },
  {
    kind: "messageSettings",
    tables: ["notification_preferences"],
    query: (p) => sql`
      select sms, voice, lang, updated_at as "updatedAt"
        from notification_preferences where user_id = ${p.userId}`,
  },
  {
    kind: "jobAlerts",
    tables: ["job_alerts"],
    query: (p) => sql`
      select category_code as "categoryCode", district_code as "districtCode", lat, lng,
             radius_km as "radiusKm", min_daily_pay_fen as "minDailyPayFen", active,
             created_at as "createdAt"
        from job_alerts where worker_id = ${p.userId} order by created_at`,
  },
  {
    kind: "consents",
    tables: ["consent_records"],
    query: (p) => sql`
      select c.terms_version as "termsVersion", c.privacy_version as "privacyVersion", c.channel,
             s.display_name as "recordedBy", c.accepted_at as "acceptedAt"
        from consent_records c left join users s on s.id = c.recorded_by
       where c.user_id = ${p.userId} order by c.accepted_at`,
  },
  {
    kind: "stationServices",
    tables: ["service_records"],
    query: (p) => sql`
      select r.kind, st.name as station, r.note, r.created_at as "createdAt"
        from service_records r join stations st on st.id = r.station_id
       where r.person_user_id = ${p.userId} order by r.created_at`,
  },
  {
    kind: "dispatchOffers",
    tables: ["dispatch_offers"],
    query: (p) => sql`
      select g.title as gig, o.score, o.reasons
        from dispatch_offers o join gigs g on g.id = o.gig_id
       where o.worker_id = ${p.userId}`,
  },
  {
    kind: "sessions",
    tables: ["sessions"],
    query: (p) => sql`
      select created_at as "createdAt", expires_at as "expiresAt", revoked_at as "revokedAt"
        from sessions where user_id = ${p.userId} order by created_at`,
  },
  {
    kind: "seekingSpells",
    tables: ["monitoring_seeker_spells"],
    query: (p) => sql`
      select valid_from as "validFrom", valid_until as "validUntil", category_code as "categoryCode",
             district_code as "districtCode"
        from monitoring_seeker_spells where worker_id = ${p.userId} order by valid_from`,
  },
  {
    kind: "staffViews",
    tables: ["audit_log"],
    query: (p) => sql`
      select a.at, a.actor_role as "actorRole", coalesce(s.display_name, '') as "actor", a.action,
             a.subject_type as "subjectType", a.detail
        from audit_log a left join users s on s.id = a.actor_user_id
       where a.subject_id in (${mySubjects(p)})
         and (a.personal_data or a.actor_user_id is distinct from ${p.userId})
       order by a.at`,
  },
];

export async function exportRows(db: DbOrTx, query: ExportQuery, person: Person) {
  return queryRows<Record<string, unknown>>(db, query.query(person));
}

export async function employerIdOf(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from employers where owner_user_id = ${userId}`,
  );
  return row?.id ?? null;
}

/**
 * Tables that hold an account's id but are not the person's data, each with the reason. The coverage
 * test (export.test.ts) fails on a table holding a person's id that is neither exported nor here.
 */
export const NOT_IN_EXPORT: Readonly<Record<string, string>> = {
  dispatches: "a morning dispatch batch; its account id is the station staff member who made it",
  devices: "a station's terminal or screen; its account id is the staff member who enrolled it",
  kiosk_qr_sign_ins:
    "a two-minute handshake of a QR sign-in at a terminal (which terminal, when); pruned a day after it expired",
  idempotency_keys:
    "a day's cache of the person's own command answers, so a retry is not run twice; pruned daily, deleted at 注销",
};
