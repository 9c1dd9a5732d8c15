/**
 * The stations directory (驿站管理): a district admin opens, edits and deactivates her
 * district's stations and markets; the city admin those of every district.
 */
import type { Static } from "typebox";
import { assertDistrictScope } from "../accounts/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { DbOrTx } from "../db/client.ts";
import { insideBoundary, isMultiPolygon, type Point } from "../gigs/geography.ts";
import { assertTownshipOf } from "../places/address.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { administrationErrors as errors } from "./administration.errors.ts";
import * as repo from "./administration.repository.ts";
import type { StationInput, StationPatch, StationView } from "./administration.schemas.ts";

type Details = NonNullable<Awaited<ReturnType<typeof repo.stationWithDetails>>>;

function viewStation({ station, districtName, staffCount }: Details): Static<typeof StationView> {
  return {
    id: station.id,
    kind: station.kind,
    name: station.name,
    districtCode: station.districtCode,
    districtName,
    address: station.address,
    townshipCode: station.townshipCode,
    street: station.street,
    lat: station.lat,
    lng: station.lng,
    phone: station.phone,
    openingHours: station.openingHours,
    active: station.active === 1,
    staffCount,
    createdAt: station.createdAt.toISOString(),
  };
}

/** The district the viewer is limited to; null for the city admin. */
export function districtLimit(viewer: SessionUser): string | null {
  return viewer.role === "city_admin" ? null : (viewer.districtCode ?? "none");
}

export async function listStationsFor(ctx: AppContext, viewer: SessionUser) {
  const rows = await repo.listStations(ctx.database.db, viewer.cityCode, districtLimit(viewer));
  return { items: rows.map(viewStation) };
}

/**
 * A station's district must be the city's (and the viewer's, when one is given), its township the
 * district's, its point inside it: for the 驿站管理 form and the stations import alike.
 */
export async function checkStationPlace(
  db: DbOrTx,
  cityCode: string,
  place: Point & { districtCode: string; townshipCode?: string | null },
  viewer?: SessionUser,
): Promise<void> {
  const division = await repo.findDivision(db, place.districtCode);
  if (!division || division.cityCode !== cityCode) throw errors.district_unknown();
  if (viewer) assertDistrictScope(viewer, place.districtCode);
  await assertTownshipOf(db, place.districtCode, place.townshipCode);
  if (!isMultiPolygon(division.boundary) || !insideBoundary(place, division.boundary)) {
    throw errors.station_outside_district();
  }
}

/** A new station's row, its text trimmed, as the form and the import write it. */
export async function addStation(
  tx: DbOrTx,
  cityCode: string,
  input: Static<typeof StationInput>,
  now: Date,
): Promise<repo.StationRow> {
  return repo.insertStation(tx, {
    cityCode,
    districtCode: input.districtCode,
    kind: input.kind,
    name: input.name.trim(),
    address: input.address.trim(),
    townshipCode: input.townshipCode ?? null,
    street: input.street?.trim() || null,
    lat: input.lat,
    lng: input.lng,
    phone: input.phone?.trim() ?? "",
    openingHours: input.openingHours?.trim() ?? "",
    createdAt: now,
  });
}

export async function createStation(
  ctx: AppContext,
  viewer: SessionUser,
  input: Static<typeof StationInput>,
  ip: string,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await checkStationPlace(tx, viewer.cityCode, input, viewer);
    const station = await addStation(tx, viewer.cityCode, input, now);
    await recordAudit(tx, {
      actor: viewer,
      action: "station.created",
      subjectType: "station",
      subjectId: station.id,
      detail: { name: station.name, kind: station.kind, districtCode: station.districtCode },
      ip,
      at: now,
    });
    return viewStation((await repo.stationWithDetails(tx, station.id)) as Details);
  });
}

export async function updateStation(
  ctx: AppContext,
  viewer: SessionUser,
  id: string,
  patch: Static<typeof StationPatch>,
  ip: string,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const station = await repo.lockStation(tx, id);
    if (!station || station.cityCode !== viewer.cityCode) throw errors.station_not_found();
    assertDistrictScope(viewer, station.districtCode);
    const { active, ...fields } = patch;
    const moved =
      fields.districtCode !== undefined ||
      fields.townshipCode !== undefined ||
      fields.lat !== undefined ||
      fields.lng !== undefined;
    if (moved) await checkStationPlace(tx, viewer.cityCode, { ...station, ...fields }, viewer);
    const trimmed = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? v.trim() : v]),
    );
    await repo.updateStation(tx, id, {
      ...trimmed,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
    });
    await recordAudit(tx, {
      actor: viewer,
      action: active === false ? "station.deactivated" : "station.updated",
      subjectType: "station",
      subjectId: id,
      detail: { changes: patch },
      ip,
      at: now,
    });
    return viewStation((await repo.stationWithDetails(tx, id)) as Details);
  });
}
