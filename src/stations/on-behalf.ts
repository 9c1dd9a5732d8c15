/**
 * Acting for a worker at the counter (代办): a woman without a smartphone asks the staff to apply,
 * accept, confirm, check in or confirm her pay for her. The staff member runs the worker's own
 * command, with the worker's rights and rules, and every event that command records is joined,
 * in the same transaction, by an audit entry and a service record that name the staff member and
 * the consent she gave aloud. She sees these records when she later signs in.
 */
import { findWorkerProfile } from "../accounts/profile.repository.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import { type MarketEvent, marketEventObserver } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskPhone } from "../privacy/mask.ts";
import { recordService } from "./service-records.ts";
import { stationErrors } from "./stations.errors.ts";
import { findStation } from "./stations.repository.ts";

/** What staff do for her; the words of the audit log (`on_behalf.apply` …). */
export type OnBehalfAct =
  | "apply"
  | "accept"
  | "decline"
  | "confirm"
  | "cancel"
  | "check_in"
  | "check_out"
  | "confirm_payment"
  | "dispute_payment"
  | "file_complaint";

export interface Consent {
  /** How she agreed, in the staff member's words: "本人到场口头同意", "电话中同意". */
  consentNote: string;
}

/**
 * The worker as the commands see her. Staff of her district (the district she registered in,
 * or one she is willing to work in) may act for her; nobody else.
 */
export async function workerActedFor(ctx: AppContext, staff: SessionUser, workerId: string) {
  const db = ctx.database.db;
  const profile = await findWorkerProfile(db, workerId);
  if (!profile || profile.cityCode !== staff.cityCode) throw stationErrors.person_not_found();
  const station = profile.registeredByStationId ? await findStation(db, profile.registeredByStationId) : null;
  const districts = new Set(profile.districtCodes);
  if (station) districts.add(station.districtCode);
  if (!staff.districtCode || !districts.has(staff.districtCode)) throw stationErrors.worker_out_of_district();
  const worker: SessionUser = {
    id: profile.userId,
    role: "worker",
    cityCode: profile.cityCode,
    districtCode: null,
    stationId: null,
    displayName: profile.name,
  };
  return worker;
}

/**
 * Runs `command` as the worker. Each transaction of the command that records a market event
 * also records, once, the audit entry and (for station staff) the service record of the act.
 */
export async function actForWorker<T>(
  ctx: AppContext,
  staff: SessionUser,
  workerId: string,
  act: OnBehalfAct,
  consent: Consent,
  ip: string,
  command: (worker: SessionUser) => Promise<T>,
): Promise<T> {
  const worker = await workerActedFor(ctx, staff, workerId);
  const note = consent.consentNote.trim();
  const recorded = new WeakSet<DbOrTx>();
  const observer = async (tx: DbOrTx, event: MarketEvent) => {
    // Recording the service records an event of its own: the set stops the recursion.
    if (recorded.has(tx)) return;
    recorded.add(tx);
    const at = event.at ?? ctx.clock.now();
    await recordAudit(tx, {
      actor: staff,
      action: `on_behalf.${act}`,
      subjectType: "worker",
      subjectId: worker.id,
      detail: { act, consentNote: note, event: event.kind, eventSubjectId: event.subjectId ?? null },
      ip,
      at,
    });
    if (staff.stationId) {
      await recordService(tx, staff, {
        personUserId: worker.id,
        kind: "on_behalf",
        note: `${act}: ${note}`,
        at,
      });
    }
  };
  return counterCopy(await marketEventObserver.run(observer, () => command(worker)));
}

/**
 * What a command answers her is shown to staff: her number and the employer's masked (staff read
 * numbers in full only through an audited view: the call card, the printed slip).
 */
function counterCopy<T>(result: T): T {
  if (typeof result !== "object" || result === null) return result;
  const copy = { ...result } as Record<string, unknown>;
  for (const key of ["workerPhone", "employerPhone"])
    if (typeof copy[key] === "string") copy[key] = maskPhone(copy[key] as string);
  return copy as T;
}
