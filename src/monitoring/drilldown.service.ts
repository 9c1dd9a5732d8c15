/** The list behind a figure, with personal data masked (王**, 138****5678). */
import type { AppContext } from "../platform/context.ts";
import { complaintList, type Page, seekerList, vacancyList } from "./drilldown.repository.ts";
import type { Scope } from "./monitoring.repository.ts";
import type { DRILL_FIGURES } from "./monitoring.schemas.ts";
import type { Period } from "./periods.ts";
import { maskName, maskPhone } from "./privacy.ts";

type DrillFigure = (typeof DRILL_FIGURES)[number];
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

export async function drillDown(
  ctx: AppContext,
  scope: Scope,
  period: Period,
  figure: DrillFigure,
  page: Page,
) {
  const db = ctx.database.db;
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
