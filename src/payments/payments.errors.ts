import { defineErrors } from "../platform/errors.ts";

/** Errors of payment records (工钱发放记录); the platform moves no money, it records and confirms. */
export const paymentErrors = defineErrors({
  payment_not_found: { status: 404, zh: "找不到该付款记录", en: "No such payment record" },
  payment_before_check_out: {
    status: 409,
    zh: "零工签退后才能登记付款",
    en: "Pay can be recorded once the worker has checked out",
  },
  paid_at_in_future: {
    status: 400,
    zh: "付款时间不能晚于现在",
    en: "The time of payment cannot be in the future",
  },
  payment_not_confirmable: {
    status: 409,
    zh: "该付款已确认收到",
    en: "This payment has already been confirmed",
  },
  payment_not_disputable: {
    status: 409,
    zh: "只能对待确认的付款提出异议",
    en: "Only a payment awaiting confirmation can be disputed",
  },
  payment_dispute_window_closed: {
    status: 409,
    zh: "已超过对该付款提出异议的期限（{deadline}）",
    en: "The time to dispute this payment has passed ({deadline})",
  },
});
