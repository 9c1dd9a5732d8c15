import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type MessageFacts,
  NOTIFICATION_KINDS,
  render,
  SMS_SIGNATURE,
  smsFor,
  spokenMoney,
  spokenTime,
  voiceFor,
} from "./templates.ts";

const FACTS: MessageFacts = {
  gig: "商场开荒保洁",
  startsAt: "2030-03-04T23:30:00Z",
  address: "润州区中山西路1号",
  bring: "手套、水杯",
  employer: "好帮手保洁",
  worker: "李阿姨",
  amountFen: 150_00,
  stars: 5,
  status: "resolved",
  dueAt: "2030-03-06T02:00:00Z",
  district: "润州区",
  payFen: 200_00,
  payUnit: "day",
  complaintKind: "wage_arrears",
  caseNumber: "镇人社监〔2030〕12号",
  inspection: "accepted",
  queueNumber: 7,
  category: "保洁",
};

describe("message texts", () => {
  it("says times the way people do, in Shanghai time", () => {
    assert.equal(spokenTime("2030-03-04T23:30:00Z", "zh-CN"), "3月5日 周二 上午7:30");
    assert.equal(spokenTime("2030-03-05T06:00:00Z", "zh-CN"), "3月5日 周二 下午2:00");
    assert.equal(spokenTime("2030-03-04T23:30:00Z", "en"), "Tue 5 Mar, 7:30");
    assert.equal(spokenMoney(150_00, "zh-CN"), "150元");
    assert.equal(spokenMoney(150_50, "en"), "¥150.50");
  });

  it("every kind has a title and body in both languages with every blank filled", () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const lang of ["zh-CN", "en"] as const) {
        const { title, body } = render(kind, FACTS, lang);
        assert.ok(title.length > 0 && body.length > 0, `${kind} ${lang}`);
        assert.doesNotMatch(`${title}${body}`, /\{|\}|undefined|NaN/, `${kind} ${lang}`);
      }
    }
  });

  it("an SMS is the gateway's template: an id, its variables, the signature 【零工市场】", () => {
    const sms = smsFor("reminder_evening", FACTS);
    assert.equal(sms.templateId, "SMS_LG_REMINDER_EVENING");
    assert.deepEqual(Object.keys(sms.params).sort(), ["address", "bring", "gig", "time"]);
    assert.equal(sms.params.time, "3月5日 周二 上午7:30");
    assert.ok(sms.text.startsWith(SMS_SIGNATURE));
    assert.match(sms.text, /请带上：手套、水杯/);
    for (const kind of NOTIFICATION_KINDS) assert.doesNotMatch(smsFor(kind, FACTS).text, /\{|\}/, kind);
  });

  it("tells a worker where her 欠薪 case stands with 劳动保障监察, and the district admin what is late", () => {
    assert.equal(
      smsFor("complaint_inspection", FACTS).text,
      "【零工市场】您的投诉已交劳动保障监察处理，案件编号镇人社监〔2030〕12号，进展：已立案调查。有问题请问驿站。",
    );
    assert.equal(
      render("complaint_escalated", { ...FACTS, status: "overdue" }, "zh-CN").body,
      "一件欠薪投诉已超期（3月6日 周三 上午10:00到期），请督促办理。",
    );
    assert.match(render("complaint_recovered", FACTS, "en").body, /¥150 of your pay has been recovered/);
  });

  it("a missing list of things to bring reads as 'nothing special', not a blank", () => {
    assert.match(render("reminder_hour", { ...FACTS, bring: "" }, "zh-CN").body, /没有特别要求/);
    assert.match(render("reminder_hour", { ...FACTS, bring: " " }, "en").body, /nothing special/);
  });

  it("a voice call greets, says the message twice without symbols, and closes", () => {
    const zh = voiceFor("payment_recorded", FACTS, "zh-CN");
    assert.match(zh, /^您好，这里是零工市场。/);
    assert.equal(zh.split("150元").length - 1, 2, "the amount is said twice");
    assert.doesNotMatch(zh, /[「」“”]/);
    const en = voiceFor("payment_recorded", FACTS, "en");
    assert.match(en, /150 yuan/);
    assert.doesNotMatch(en, /¥/);
  });
});
