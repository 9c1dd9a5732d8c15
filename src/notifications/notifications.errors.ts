import { defineErrors } from "../platform/errors.ts";

/** Errors of the notification centre and job alerts. */
export const notificationErrors = defineErrors({
  notification_not_found: { status: 404, zh: "没有这条消息", en: "There is no such notification" },
  job_alert_not_found: { status: 404, zh: "没有这个订阅", en: "There is no such job alert" },
  job_alert_needs_place: {
    status: 400,
    zh: "请选一个区，或者给出位置和距离",
    en: "Choose a district, or give a place and a distance",
  },
  too_many_job_alerts: { status: 409, zh: "订阅最多{max}个", en: "You can keep at most {max} job alerts" },
  dead_letter_not_found: {
    status: 404,
    zh: "没有这条发送失败的消息",
    en: "There is no such undelivered message",
  },
  worker_not_found_for_alert: { status: 404, zh: "没有找到这位工人", en: "That worker was not found" },
});
