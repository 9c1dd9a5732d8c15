import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applicationMachine, sideMayDo } from "../bookings/application.machine.ts";
import { bookingMachine, holdsPlace } from "../bookings/booking.machine.ts";
import { gigMachine, statusForCounts } from "../gigs/gig.machine.ts";
import { paymentMachine } from "../payments/payment.machine.ts";
import { timesheetMachine } from "../timesheets/timesheet.machine.ts";
import type { Machine } from "./machine.ts";

/** Every (state, event) pair: the allowed ones lead where the table says, all others are refused. */
function assertExactly<S extends string, E extends string>(
  machine: Machine<S, E>,
  allowed: Record<string, S>,
): void {
  for (const state of machine.states) {
    for (const event of machine.events) {
      const key = `${state} --${event}-->`;
      assert.equal(machine.next(state, event), allowed[key] ?? null, key);
    }
  }
}

describe("lifecycle state machines", () => {
  it("a gig fills, reopens when a place frees up, and ends cancelled or closed", () => {
    assertExactly(gigMachine, {
      "open --fill-->": "filled",
      "filled --reopen-->": "open",
      "open --cancel-->": "cancelled",
      "filled --cancel-->": "cancelled",
      "open --close-->": "closed",
      "filled --close-->": "closed",
    });
    assert.equal(statusForCounts("open", 3, 3), "filled");
    assert.equal(statusForCounts("filled", 2, 3), "open");
    assert.equal(statusForCounts("cancelled", 0, 3), "cancelled");
  });

  it("an application or invitation is answered once, by the other side", () => {
    assertExactly(applicationMachine, {
      "pending --accept-->": "accepted",
      "pending --reject-->": "rejected",
      "pending --decline-->": "declined",
      "pending --withdraw-->": "withdrawn",
      "pending --expire-->": "expired",
    });
    assert.ok(sideMayDo("application", "accept", "employer"));
    assert.ok(!sideMayDo("application", "accept", "worker"));
    assert.ok(sideMayDo("invitation", "accept", "worker"));
    assert.ok(!sideMayDo("invitation", "accept", "employer"));
    assert.ok(sideMayDo("application", "withdraw", "worker"));
    assert.ok(sideMayDo("invitation", "withdraw", "employer"));
    assert.ok(
      !sideMayDo("invitation", "reject", "worker"),
      "a worker declines an invitation, not rejects it",
    );
    assert.ok(!sideMayDo("application", "expire", "employer"), "only the system expires");
  });

  it("a booking goes from booked to completed, and can be cancelled or marked no-show only before check-in", () => {
    assertExactly(bookingMachine, {
      "booked --confirm-->": "confirmed",
      "booked --check_in-->": "checked_in",
      "confirmed --check_in-->": "checked_in",
      "checked_in --check_out-->": "checked_out",
      "checked_out --complete-->": "completed",
      "booked --cancel-->": "cancelled",
      "confirmed --cancel-->": "cancelled",
      "booked --mark_no_show-->": "no_show",
      "confirmed --mark_no_show-->": "no_show",
    });
    assert.ok(holdsPlace("confirmed"));
    assert.ok(holdsPlace("completed"));
    assert.ok(!holdsPlace("cancelled"));
    assert.ok(!holdsPlace("no_show"));
  });

  it("a timesheet is approved, may be disputed once, and is resolved", () => {
    assertExactly(timesheetMachine, {
      "pending --approve-->": "approved",
      "approved --dispute-->": "disputed",
      "disputed --resolve-->": "resolved",
    });
  });

  it("a payment record is confirmed or disputed by the worker", () => {
    assertExactly(paymentMachine, {
      "recorded --confirm-->": "confirmed",
      "disputed --confirm-->": "confirmed",
      "recorded --dispute-->": "disputed",
    });
  });
});
