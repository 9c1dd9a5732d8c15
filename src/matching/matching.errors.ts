import { defineErrors } from "../platform/errors.ts";

export const matchingErrors = defineErrors({
  matching_profile_incomplete: {
    status: 409,
    zh: "请先在个人资料中填写住址位置和想做的工种，才能为你推荐",
    en: "Add your home location and the kinds of work you want to your profile to get recommendations",
  },
  matching_category_unknown: { status: 400, zh: "没有这个工种", en: "No such category" },
  matching_gig_not_found: { status: 404, zh: "找不到该零工岗位", en: "No such gig" },
  matching_gig_not_open: {
    status: 409,
    zh: "该岗位已招满或已结束，无需推荐人选",
    en: "This gig is no longer taking workers",
  },
  dispatch_district_required: {
    status: 400,
    zh: "请选择要派工的区县",
    en: "Choose the district to dispatch for",
  },
  dispatch_nothing_to_dispatch: {
    status: 409,
    zh: "所选范围内没有仍在招人的岗位",
    en: "There are no gigs still taking workers in that selection",
  },
  dispatch_not_found: { status: 404, zh: "找不到该派工单", en: "No such dispatch" },
  dispatch_offer_not_found: { status: 404, zh: "派工单中没有这条邀请", en: "No such offer in this dispatch" },
  dispatch_offer_answered: {
    status: 409,
    zh: "她已经答复了这份邀请，不用再打电话",
    en: "She has already answered this invitation; no call is needed",
  },
  dispatch_not_preview: {
    status: 409,
    zh: "该派工单已发送或已作废",
    en: "This dispatch has already been sent or discarded",
  },
});
