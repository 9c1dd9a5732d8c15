import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { complaintMachine, dueDate, isOverdue, statesAllowing } from "./complaint.machine.ts";

describe("the complaint state machine", () => {
  it("a complaint is taken before it is closed, and closed once", () => {
    const allowed: Record<string, string> = {
      "open --assign-->": "in_progress",
      "in_progress --assign-->": "in_progress",
      "in_progress --resolve-->": "resolved",
      "in_progress --reject-->": "rejected",
    };
    for (const state of complaintMachine.states) {
      for (const event of complaintMachine.events) {
        const key = `${state} --${event}-->`;
        assert.equal(complaintMachine.next(state, event), allowed[key] ?? null, key);
      }
    }
    assert.deepEqual(statesAllowing("resolve"), ["in_progress"]);
  });

  it("is due seven days after filing in Zhenjiang, and overdue only while still being handled", () => {
    const filed = new Date("2030-03-01T02:00:00Z");
    const due = dueDate(filed, 7);
    assert.equal(due.toISOString(), "2030-03-08T02:00:00.000Z");
    const later = new Date("2030-03-09T00:00:00Z");
    assert.equal(isOverdue({ status: "open", dueAt: due }, later), true);
    assert.equal(isOverdue({ status: "in_progress", dueAt: due }, later), true);
    assert.equal(isOverdue({ status: "resolved", dueAt: due }, later), false);
    assert.equal(isOverdue({ status: "open", dueAt: due }, filed), false);
  });
});
