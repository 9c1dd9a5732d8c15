import type { Static } from "typebox";
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import { employerOfOwner, findUserById, hasWorkerProfile } from "./accounts.repository.ts";
import type { Me } from "./auth.schemas.ts";

/** Who the caller is, with what the faces of the product need to route them. */
export async function describeMe(ctx: AppContext, userId: string): Promise<Static<typeof Me>> {
  const db = ctx.database.db;
  const user = await findUserById(db, userId);
  if (!user) throw commonErrors.authentication_required();
  const employer = user.role === "employer" ? await employerOfOwner(db, user.id) : null;
  return {
    id: user.id,
    role: user.role,
    cityCode: user.cityCode,
    displayName: user.displayName,
    phone: user.phone,
    username: user.username,
    districtCode: user.districtCode,
    stationId: user.stationId,
    hasWorkerProfile: user.role === "worker" && (await hasWorkerProfile(db, user.id)),
    employer: employer ? { id: employer.id, name: employer.name, verification: employer.verification } : null,
  };
}
