import { defineErrors } from "../platform/errors.ts";

/** Errors of timesheets (工时单): approval, the worker's dispute, the resolution. */
export const timesheetErrors = defineErrors({
  timesheet_not_found: {
    status: 404,
    zh: "还没有工时单，零工签退后才会生成",
    en: "There is no timesheet yet; it is made when the worker checks out",
  },
  timesheet_not_pending: {
    status: 409,
    zh: "该工时单已确认过",
    en: "This timesheet has already been approved",
  },
  correction_note_required: {
    status: 400,
    zh: "修改工时或件数时，请写明原因",
    en: "Say why when you correct the hours or pieces",
  },
  pieces_required: {
    status: 400,
    zh: "计件的活请填写完成件数",
    en: "Enter the number of pieces for a piece-rate gig",
  },
  timesheet_not_disputable: {
    status: 409,
    zh: "只能对雇主已确认的工时提出异议，且只能提一次",
    en: "Only approved hours can be disputed, and only once",
  },
  dispute_window_closed: {
    status: 409,
    zh: "已超过提出异议的期限（{deadline}）",
    en: "The time to dispute has passed ({deadline})",
  },
  timesheet_not_disputed: {
    status: 409,
    zh: "该工时单没有待处理的异议",
    en: "This timesheet has no open dispute",
  },
});
