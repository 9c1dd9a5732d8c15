import { defineErrors } from "../platform/errors.ts";

/** Errors of applications, invitations and bookings. */
export const bookingErrors = defineErrors({
  worker_profile_required: {
    status: 403,
    zh: "请先完善个人求职信息",
    en: "Complete your worker profile first",
  },
  worker_not_found: { status: 404, zh: "找不到该零工", en: "No such worker" },
  worker_time_clash: {
    status: 409,
    zh: "该时段已有其他用工安排",
    en: "The worker already has a booking at that time",
  },
  application_exists: {
    status: 409,
    zh: "已报名或已邀请，请等待回复",
    en: "There is already a pending application or invitation",
  },
  already_booked: { status: 409, zh: "已录用该零工", en: "The worker is already booked on this gig" },
  application_not_found: { status: 404, zh: "找不到该报名或邀请", en: "No such application or invitation" },
  application_not_pending: {
    status: 409,
    zh: "该报名或邀请已处理",
    en: "This application or invitation has already been answered",
  },
  application_action_not_allowed: {
    status: 403,
    zh: "您不能对该报名或邀请进行此操作",
    en: "You may not do this to this application or invitation",
  },
  booking_not_found: { status: 404, zh: "找不到该用工预约", en: "No such booking" },
  booking_not_confirmable: {
    status: 409,
    zh: "该预约无法确认",
    en: "This booking cannot be confirmed",
  },
  booking_not_cancellable: {
    status: 409,
    zh: "已签到上岗或已结束的预约不能取消",
    en: "A booking cannot be cancelled after check-in or once it has ended",
  },
  cancel_reason_not_allowed: {
    status: 400,
    zh: "该取消原因不适用于您",
    en: "That cancellation reason is not for your side",
  },
  no_show_too_early: {
    status: 409,
    zh: "开工{minutes}分钟后仍未签到，才能标记爽约",
    en: "A no-show may be marked only {minutes} minutes after the start without check-in",
  },
  no_show_not_allowed: {
    status: 409,
    zh: "该预约不能标记为爽约",
    en: "This booking cannot be marked as a no-show",
  },
});
