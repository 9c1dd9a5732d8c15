/** What a worker sees of the acts staff did for her (代办记录). */
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { actsForWorker } from "./stations.repository.ts";

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
