import { defineErrors } from "../platform/errors.ts";

/** Errors of complaints (投诉): filing, taking and closing them. */
export const complaintErrors = defineErrors({
  complaint_not_found: { status: 404, zh: "找不到该投诉", en: "No such complaint" },
  complaint_subject_required: {
    status: 400,
    zh: "请选择要投诉的岗位或用工记录",
    en: "Say which gig or booking the complaint is about",
  },
  arrears_booking_required: {
    status: 400,
    zh: "欠薪投诉须选择对应的用工记录",
    en: "A wage-arrears complaint must name the booking that was not paid",
  },
  complaint_not_yours: {
    status: 403,
    zh: "只能投诉您本人参与的岗位",
    en: "You can only complain about gigs you took part in",
  },
  complaint_already_open: {
    status: 409,
    zh: "您已就此事投诉，正在处理中",
    en: "You have already filed this complaint; it is being handled",
  },
  complaint_not_assignable: {
    status: 409,
    zh: "该投诉已办结，不能再接手",
    en: "This complaint is closed and cannot be taken",
  },
  complaint_not_in_progress: {
    status: 409,
    zh: "请先接手该投诉再办结",
    en: "Take the complaint before closing it",
  },
  complaint_not_followable: {
    status: 409,
    zh: "请先接手该投诉，办结后不能再记跟进",
    en: "Take the complaint first; a closed complaint takes no more follow-ups",
  },
  complaint_not_referable: {
    status: 409,
    zh: "只有正在处理的投诉可以移交劳动保障监察",
    en: "Only a complaint in progress can be handed to labour inspection",
  },
  complaint_not_referred: {
    status: 409,
    zh: "该投诉没有移交劳动保障监察",
    en: "This complaint was not handed to labour inspection",
  },
  inspection_step_backwards: {
    status: 409,
    zh: "监察进展只能向前更新（已移交→已立案→已结案）",
    en: "Inspection progress only moves forward (submitted → accepted → concluded)",
  },
});
