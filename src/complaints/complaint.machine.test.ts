import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  complaintMachine,
  dueDate,
  dueDaysFor,
  escalationDue,
  isOverdue,
  statesAllowing,
} from "./complaint.machine.ts";

describe("the complaint state machine", () => {
  it("a complaint is taken before it is closed or handed to 劳动保障监察, and closed once", () => {
    const allowed: Record<string, string> = {
      "open --assign-->": "in_progress",
      "in_progress --assign-->": "in_progress",
      "in_progress --refer-->": "referred",
      "in_progress --resolve-->": "resolved",
      "in_progress --reject-->": "rejected",
      "referred --resolve-->": "resolved",
      "referred --reject-->": "rejected",
    };
    for (const state of complaintMachine.states) {
      for (const event of complaintMachine.events) {
        const key = `${state} --${event}-->`;
        assert.equal(complaintMachine.next(state, event), allowed[key] ?? null, key);
      }
    }
    assert.deepEqual(statesAllowing("resolve"), ["in_progress", "referred"]);
  });

  it("欠薪 is due first: 3 days; fees and fake posts 5; others the city's 7; never past the city's", () => {
    assert.equal(dueDaysFor("wage_arrears", 7), 3);
    assert.equal(dueDaysFor("safety", 7), 3);
    assert.equal(dueDaysFor("upfront_fee", 7), 5);
    assert.equal(dueDaysFor("fake_post", 7), 5);
    assert.equal(dueDaysFor("abuse", 7), 7);
    assert.equal(dueDaysFor("other", 7), 7);
    assert.equal(dueDaysFor("upfront_fee", 2), 2, "a stricter city keeps its own number");
  });

  it("is overdue only while still on the district's clock", () => {
    const filed = new Date("2030-03-01T02:00:00Z");
    const due = dueDate(filed, 7);
    assert.equal(due.toISOString(), "2030-03-08T02:00:00.000Z");
    const later = new Date("2030-03-09T00:00:00Z");
    assert.equal(isOverdue({ status: "open", dueAt: due }, later), true);
    assert.equal(isOverdue({ status: "in_progress", dueAt: due }, later), true);
    assert.equal(isOverdue({ status: "referred", dueAt: due }, later), false);
    assert.equal(isOverdue({ status: "resolved", dueAt: due }, later), false);
    assert.equal(isOverdue({ status: "open", dueAt: due }, filed), false);
  });

  it("escalates in the last day, then again once overdue, and not once referred", () => {
    const dueAt = new Date("2030-03-04T00:00:00Z");
    assert.equal(escalationDue({ status: "open", dueAt }, new Date("2030-03-02T12:00:00Z")), 0);
    assert.equal(escalationDue({ status: "open", dueAt }, new Date("2030-03-03T00:00:00Z")), 1);
    assert.equal(escalationDue({ status: "in_progress", dueAt }, new Date("2030-03-04T00:01:00Z")), 2);
    assert.equal(escalationDue({ status: "referred", dueAt }, new Date("2030-03-05T00:00:00Z")), 0);
    assert.equal(escalationDue({ status: "resolved", dueAt }, new Date("2030-03-05T00:00:00Z")), 0);
  });
});
