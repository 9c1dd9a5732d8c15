import { defineErrors } from "../platform/errors.ts";

/** Errors of payment records (工钱发放记录); the platform moves no money, it records and confirms. */
export const paymentErrors = defineErrors({
  payment_not_found: { status: 404, zh: "找不到该付款记录", en: "No such payment record" },
  payment_before_check_out: {
    status: 409,
    zh: "零工签退后才能登记付款",
    en: "Pay can be recorded once the worker has checked out",
  },
  duplicate_payment: {
    status: 409,
    zh: "{minutes}分钟内已登记过一笔相同金额、相同方式的付款，不再重复登记。如确实又付了一笔，请{minutes}分钟后再登记",
    en: "The same amount by the same method was recorded less than {minutes} minutes ago, so it was not recorded twice. If you really paid again, record it after {minutes} minutes",
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
