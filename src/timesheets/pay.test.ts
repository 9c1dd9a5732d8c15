import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { amountDueFen, type PayInput, shiftsInWindow } from "./pay.ts";

/** Local Asia/Shanghai wall time as a UTC instant. */
const local = (wallTime: string) => new Date(`${wallTime.replace(" ", "T")}:00+08:00`);
const UNITS: Record<string, PayInput["payUnit"]> = { 天: "day", 小时: "hour", 件: "piece" };
const fen = (yuan: string) => Math.round(Number(yuan) * 100);

interface WorkedExample {
  row: string;
  input: PayInput;
  dueFen: number;
}

/** The worked examples of docs/pay-rules.md, one per table row. */
function workedExamples(): WorkedExample[] {
  const doc = readFileSync(new URL("../../docs/pay-rules.md", import.meta.url), "utf8");
  const rows = doc.split("\n").filter((line) => /^\|\s*\d+\s*\|/.test(line));
  return rows.map((line) => {
    const [row, pay, shift, approved, sentHome, due] = line
      .split("|")
      .slice(1, 7)
      .map((c) => c.trim());
    const payMatch = /^¥([\d.]+)\/(天|小时|件)$/.exec(pay);
    const shiftMatch = /^(\S+ \S+) – (\S+ \S+)$/.exec(shift);
    const approvedMatch = /^(\d+) (min|件)$/.exec(approved);
    if (!payMatch || !shiftMatch || !approvedMatch) throw new Error(`unreadable example row: ${line}`);
    const amount = Number(approvedMatch[1]);
    return {
      row,
      input: {
        payUnit: UNITS[payMatch[2]],
        payFen: fen(payMatch[1]),
        startsAt: local(shiftMatch[1]),
        endsAt: local(shiftMatch[2]),
        minutes: approvedMatch[2] === "min" ? amount : 0,
        pieces: approvedMatch[2] === "件" ? amount : null,
        sentHomeEarly: sentHome === "yes",
      },
      dueFen: fen(due.replace("¥", "")),
    };
  });
}

describe("the pay due for a shift", () => {
  const examples = workedExamples();

  it("reads every worked example of docs/pay-rules.md", () => {
    assert.equal(examples.length, 19);
  });

  for (const example of examples) {
    it(`worked example ${example.row} of docs/pay-rules.md`, () => {
      assert.equal(amountDueFen(example.input), example.dueFen);
    });
  }

  it("a three-hour evening shift worked whole pays the whole day, not half of it", () => {
    const evening = { startsAt: local("2030-03-04 20:30"), endsAt: local("2030-03-04 23:30") };
    const input = { payUnit: "day" as const, payFen: 150_00, pieces: null, ...evening };
    assert.equal(amountDueFen({ ...input, minutes: 180 }), 150_00);
  });

  it("piece pay is unknown until the pieces are counted, sent home or not", () => {
    const day = { startsAt: local("2030-03-04 08:00"), endsAt: local("2030-03-04 17:00") };
    const input = { payUnit: "piece" as const, payFen: 80, minutes: 60, pieces: null, ...day };
    assert.equal(amountDueFen(input), null);
    assert.equal(amountDueFen({ ...input, pieces: 10, sentHomeEarly: true }), 8_00);
  });

  it("a gig's window holds one shift per started 24 hours", () => {
    assert.equal(shiftsInWindow(local("2030-03-04 22:00"), local("2030-03-05 06:00")), 1);
    assert.equal(shiftsInWindow(local("2030-03-04 08:00"), local("2030-03-06 17:00")), 3);
  });
});
