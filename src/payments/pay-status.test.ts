import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { outstandingFen, type PayFacts, payStatus, paySums } from "./pay-status.ts";

const approved = (payments: PayFacts["payments"], amountDueFen = 200_00): PayFacts => ({
  timesheetStatus: "approved",
  amountDueFen,
  payments,
});

describe("where a shift's pay stands", () => {
  it("waits for the employer's approval first, even if cash was handed over on the day", () => {
    assert.equal(payStatus({ timesheetStatus: null, amountDueFen: null, payments: [] }), "awaiting_approval");
    const paidOnTheDay = [{ amountFen: 200_00, status: "recorded" as const }];
    assert.equal(
      payStatus({ timesheetStatus: "pending", amountDueFen: null, payments: paidOnTheDay }),
      "awaiting_approval",
    );
  });

  it("approved → paid → confirmed as records cover the amount and the worker confirms them", () => {
    assert.equal(payStatus(approved([])), "approved");
    assert.equal(payStatus(approved([{ amountFen: 150_00, status: "recorded" }])), "approved");
    assert.equal(payStatus(approved([{ amountFen: 200_00, status: "recorded" }])), "paid");
    assert.equal(
      payStatus(
        approved([
          { amountFen: 150_00, status: "confirmed" },
          { amountFen: 50_00, status: "recorded" },
        ]),
      ),
      "paid",
    );
    assert.equal(payStatus(approved([{ amountFen: 200_00, status: "confirmed" }])), "confirmed");
  });

  it("an open dispute on the hours or on a payment shows as disputed", () => {
    assert.equal(payStatus({ timesheetStatus: "disputed", amountDueFen: 100_00, payments: [] }), "disputed");
    assert.equal(payStatus(approved([{ amountFen: 200_00, status: "disputed" }])), "disputed");
    assert.equal(
      payStatus({
        timesheetStatus: "resolved",
        amountDueFen: 180_00,
        payments: [{ amountFen: 180_00, status: "confirmed" }],
      }),
      "confirmed",
    );
  });

  it("a disputed payment is not counted as paid, and overpaying leaves nothing owed", () => {
    const payments = [
      { amountFen: 120_00, status: "disputed" as const },
      { amountFen: 50_00, status: "confirmed" as const },
    ];
    assert.deepEqual(paySums(payments), { paidFen: 50_00, confirmedFen: 50_00 });
    assert.equal(outstandingFen(approved(payments)), 150_00);
    assert.equal(outstandingFen(approved([{ amountFen: 250_00, status: "recorded" }])), 0);
  });
});
