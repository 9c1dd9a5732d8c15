import { defineErrors } from "../platform/errors.ts";

/** Errors of the shift: check-in (签到), check-out (签退) and attendance. */
export const shiftErrors = defineErrors({
  check_in_not_open_yet: {
    status: 409,
    zh: "还没到签到时间，{opensAt}起可签到（开工前60分钟）",
    en: "Check-in opens at {opensAt} (60 minutes before the start)",
  },
  check_in_closed: {
    status: 409,
    zh: "该活已结束，不能再签到",
    en: "The gig has ended; check-in is closed",
  },
  check_in_proof_required: {
    status: 400,
    zh: "请打开定位，或输入雇主现场提供的签到码",
    en: "Send your location, or the check-in code the employer shows on site",
  },
  too_far_from_gig: {
    status: 409,
    zh: "您距离工作地点约{distanceZh}，超出签到范围{radius}米。请到现场签到，或向雇主索取签到码",
    en: "You are about {distanceEn} from the workplace, outside the {radius} m check-in radius. Go there, or ask the employer for the check-in code",
  },
  location_too_imprecise: {
    status: 409,
    zh: "定位误差约{accuracy}米，大于签到范围{radius}米，无法确认您在现场。请向雇主索取签到码",
    en: "Your location is only accurate to about {accuracy} m, more than the {radius} m radius. Ask the employer for the check-in code",
  },
  wrong_check_in_code: {
    status: 400,
    zh: "签到码不正确，请向雇主核对",
    en: "That check-in code is not right; check it with the employer",
  },
  not_checkable_in: {
    status: 409,
    zh: "该预约当前不能签到（已签到、已取消或已结束）",
    en: "This booking cannot be checked in (already checked in, cancelled or ended)",
  },
  not_checked_in: {
    status: 409,
    zh: "还没有签到，不能签退",
    en: "You have not checked in, so you cannot check out",
  },
  check_out_before_start: {
    status: 409,
    zh: "还没到开工时间（{startsAt}），不能签退。开工前的时间不计工时",
    en: "The shift has not started yet ({startsAt}), so you cannot check out; time before the start is not worked",
  },
  pieces_only_for_piece_pay: {
    status: 400,
    zh: "只有计件的活才需要填写件数",
    en: "Pieces are only counted for piece-rate gigs",
  },
});
