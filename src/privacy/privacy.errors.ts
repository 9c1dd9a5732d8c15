import { defineErrors } from "../platform/errors.ts";

export const privacyErrors = defineErrors({
  consent_required: {
    status: 403,
    zh: "请先阅读并同意《用户协议》（第{termsVersion}版）和《隐私政策》（第{privacyVersion}版）",
    en: "Please read and accept the terms of use (version {termsVersion}) and the privacy policy (version {privacyVersion}) first",
  },
  legal_document_not_found: { status: 404, zh: "没有这份文件", en: "No such document" },
  closure_open_gigs: {
    status: 409,
    zh: "您还有{count}个未结束的岗位，请先取消或等岗位结束后再注销",
    en: "You still have {count} open gigs; cancel them or wait until they end before closing the account",
  },
  closure_unpaid_wages: {
    status: 409,
    zh: "您还有{count}笔工资未结清，请先付清并记录后再注销",
    en: "You still have {count} shifts with wages not fully paid; pay and record them before closing the account",
  },
  closure_live_bookings: {
    status: 409,
    zh: "您还有{count}个进行中的工作，请先完成或取消后再注销",
    en: "You still have {count} bookings in progress; finish or cancel them before closing the account",
  },
  closure_confirmation_wrong: {
    status: 400,
    zh: "请输入“注销”二字确认",
    en: "Type 注销 to confirm",
  },
});
