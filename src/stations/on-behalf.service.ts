/** What a worker sees of the acts staff did for her (代办记录). */
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskName, maskPhone } from "../privacy/mask.ts";
import { actsForWorker, searchWorkers } from "./stations.repository.ts";

export async function actsDoneForMe(ctx: AppContext, worker: SessionUser) {
  const rows = await actsForWorker(ctx.database.db, worker.id, 200);
  return rows.map((row) => {
    const detail = (row.detail ?? {}) as { act?: string; consentNote?: string };
    return {
      act: detail.act ?? row.action.replace("on_behalf.", ""),
      consentNote: detail.consentNote ?? "",
      staffName: row.staffName,
      at: row.at.toISOString(),
    };
  });
}

/**
 * Workers of the staff member's district whose name contains `q`, or whose phone is `q` or ends
 * with it (the last four digits she reads out); masked, as staff need only to tell them apart.
 */
export async function findWorkersForCounter(ctx: AppContext, staff: SessionUser, q: string) {
  if (!staff.districtCode) return [];
  const rows = await searchWorkers(ctx.database.db, staff.cityCode, staff.districtCode, q.trim(), 20);
  return rows.map((row) => ({
    userId: row.userId,
    name: maskName(row.name),
    phone: maskPhone(row.phone),
    birthYear: row.birthYear,
    registeredAtStation: row.registeredByStationId !== null,
  }));
}
