import { defineErrors } from "../platform/errors.ts";

export const gigErrors = defineErrors({
  gig_not_found: { status: 404, zh: "找不到该零工岗位", en: "No such gig" },
  employer_profile_required: {
    status: 403,
    zh: "请先完善用工方信息再发布岗位",
    en: "Complete your employer profile before posting gigs",
  },
  employer_not_found: { status: 404, zh: "找不到该用工方", en: "No such employer" },
  employer_id_required: {
    status: 400,
    zh: "驿站代发岗位须指定用工方",
    en: "Staff posting for an employer must give the employer",
  },
  category_unknown: { status: 400, zh: "没有这个工种", en: "No such category" },
  district_unknown: { status: 400, zh: "该区县不在本市", en: "That district is not in this city" },
  location_outside_district: {
    status: 400,
    zh: "工作地点不在所选区县范围内",
    en: "The work location is not inside the chosen district",
  },
  gig_starts_in_past: { status: 400, zh: "开工时间须晚于现在", en: "The start must be in the future" },
  gig_ends_before_start: { status: 400, zh: "结束时间须晚于开工时间", en: "The end must be after the start" },
  gig_too_long: {
    status: 400,
    zh: "零工岗位时长不能超过{days}天",
    en: "A gig may last at most {days} days",
  },
  pay_out_of_range: {
    status: 400,
    zh: "报酬须在{min}至{max}分之间",
    en: "Pay must be between {min} and {max} fen",
  },
  upfront_fee_forbidden: {
    status: 400,
    zh: "岗位不得向劳动者收取任何费用（发现：{terms}）",
    en: "A gig may not ask workers for money up front (found: {terms})",
  },
  gig_not_open: { status: 409, zh: "该岗位已停止招人", en: "This gig is no longer taking workers" },
  gig_started: { status: 409, zh: "该岗位已开工", en: "This gig has already started" },
  gig_full: { status: 409, zh: "该岗位人数已满", en: "This gig is full" },
  gig_work_begun: {
    status: 409,
    zh: "已有零工签到上岗，不能取消岗位",
    en: "A worker has already checked in; the gig cannot be cancelled",
  },
  not_gig_owner: { status: 403, zh: "这不是您发布的岗位", en: "This is not your gig" },
});
