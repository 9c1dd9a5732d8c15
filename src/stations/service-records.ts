/**
 * Writing a service record (服务记录): a staff action for a person, counted in the stations'
 * figures. Other areas (complaint mediation) record through here so the event is never forgotten.
 */
import type { DbOrTx } from "../db/client.ts";
import type { ServiceKind } from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { findStation, insertServiceRecord, type ServiceRecordRow } from "./stations.repository.ts";

export interface ServiceFacts {
  personUserId: string | null;
  kind: ServiceKind;
  note: string;
  at: Date;
}

/** Inside the caller's transaction: the record and its service_recorded event. */
export async function recordService(
  tx: DbOrTx,
  staff: SessionUser,
  facts: ServiceFacts,
): Promise<ServiceRecordRow> {
  if (!staff.stationId) throw commonErrors.forbidden();
  const station = await findStation(tx, staff.stationId);
  if (!station) throw commonErrors.forbidden();
  const row = await insertServiceRecord(tx, {
    cityCode: station.cityCode,
    districtCode: station.districtCode,
    stationId: station.id,
    staffUserId: staff.id,
    personUserId: facts.personUserId,
    kind: facts.kind,
    note: facts.note,
    createdAt: facts.at,
  });
  await recordMarketEvent(tx, {
    cityCode: row.cityCode,
    kind: "service_recorded",
    districtCode: row.districtCode,
    subjectId: row.id,
    detail: { kind: row.kind },
    at: facts.at,
  });
  return row;
}
