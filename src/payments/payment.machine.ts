/**
 * A payment record: the employer records pay made outside the platform; the worker
 * confirms receipt or disputes it. A dispute settled in the worker's favour ends with
 * the worker's confirmation.
 */
import { PAYMENT_STATUSES } from "../db/schema/index.ts";
import { defineMachine } from "../lifecycle/machine.ts";

export const paymentMachine = defineMachine(PAYMENT_STATUSES, {
  confirm: { from: ["recorded", "disputed"], to: "confirmed" },
  dispute: { from: ["recorded"], to: "disputed" },
});
