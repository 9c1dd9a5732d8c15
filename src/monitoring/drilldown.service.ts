/**
 * The list behind a figure, with personal data masked (王**, 138****5678). Each view is in the
 * audit log: masked, so not a view of personal data, but still a look at who is behind a figure.
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskName, maskPhone } from "../privacy/mask.ts";
import { complaintList, type Page, seekerList, vacancyList } from "./drilldown.repository.ts";
import type { Scope } from "./monitoring.repository.ts";
import type { DRILL_FIGURES } from "./monitoring.schemas.ts";
import type { Period } from "./periods.ts";

type DrillFigure = (typeof DRILL_FIGURES)[number];
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

export async function drillDown(
  ctx: AppContext,
  viewer: SessionUser,
  ip: string,
  scope: Scope,
  period: Period,
  figure: DrillFigure,
  page: Page,
) {
  await recordAudit(ctx.database.db, {
    actor: viewer,
    action: "monitoring.drilldown",
    subjectType: "monitoring_figure",
    subjectId: figure,
    personalData: false,
    detail: { district: scope.district, from: period.from, to: period.to, ...page },
    ip,
    at: ctx.clock.now(),
  });
  return maskedList(ctx, scope, period, figure, page);
}

async function maskedList(ctx: AppContext, scope: Scope, period: Period, figure: DrillFigure, page: Page) {
  const db = ctx.database.reads();
  if (figure === "vacancies") {
    const rows = await vacancyList(db, scope, period, page);
    return rows.map((r) => ({
      ...r,
      // A household employer is a person: only enterprises are named in full.
      employerName: r.employerKind === "individual" ? maskName(r.employerName) : r.employerName,
      postedAt: iso(r.postedAt),
    }));
  }
  if (figure === "seekers") {
    const rows = await seekerList(db, scope, period, page);
    return rows.map((r) => ({ ...r, name: maskName(r.name), phone: maskPhone(r.phone) }));
  }
  const rows = await complaintList(db, scope, period, page);
  return rows.map((r) => ({
    ...r,
    complainantName: maskName(r.complainantName),
    complainantPhone: maskPhone(r.complainantPhone),
    createdAt: iso(r.createdAt),
    dueAt: iso(r.dueAt),
    resolvedAt: iso(r.resolvedAt),
  }));
}
