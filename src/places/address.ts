/**
 * The checks a stored address passes wherever one is kept (a worker's home area, a station):
 * its township (乡镇街道), when given, belongs to its district. The point is checked against the
 * district's boundary by each caller, whose error names what was placed.
 */
import type { DbOrTx } from "../db/client.ts";
import { placeErrors } from "./places.errors.ts";
import { findTownship } from "./places.repository.ts";

export async function assertTownshipOf(
  db: DbOrTx,
  districtCode: string | null | undefined,
  townshipCode: string | null | undefined,
): Promise<void> {
  if (!townshipCode) return;
  const township = await findTownship(db, townshipCode);
  if (!districtCode || township?.districtCode !== districtCode) throw placeErrors.township_unknown();
}
