/** Staff reveal a worker's phone number to call them; each reveal is in the audit log. */
import type { AppContext } from "../platform/context.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { accountErrors } from "./accounts.errors.ts";
import { findWorkerContact } from "./profile.repository.ts";
import { coversDistrict } from "./scope.ts";

export async function revealWorkerContact(ctx: AppContext, staff: SessionUser, workerId: string, ip: string) {
  return ctx.database.db.transaction(async (tx) => {
    const worker = await findWorkerContact(tx, workerId);
    if (!worker || worker.cityCode !== staff.cityCode) throw accountErrors.worker_not_found();
    // Staff of a district serve the workers who look for work there.
    const covered =
      staff.role === "city_admin" ||
      worker.districtCodes.some((d) => coversDistrict(staff, staff.cityCode, d));
    if (!covered) throw commonErrors.out_of_scope();
    const contact = { userId: worker.userId, name: worker.name, phone: worker.phone };
    const disclosure = {
      staff,
      action: "worker.contact_viewed",
      subjectType: "worker",
      subjectId: worker.userId,
      fields: ["name", "phone"] as const,
      ip,
      at: ctx.clock.now(),
    };
    return discloseToStaff(tx, disclosure, contact);
  });
}
