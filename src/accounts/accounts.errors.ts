import { defineErrors } from "../platform/errors.ts";

export const accountErrors = defineErrors({
  code_invalid: {
    status: 400,
    zh: "验证码不正确或已过期，请重新获取",
    en: "The code is wrong or has expired; please request a new one",
  },
  code_attempts_exceeded: {
    status: 429,
    zh: "验证码输错次数过多，请重新获取",
    en: "Too many wrong codes; please request a new one",
  },
  code_requested_too_soon: {
    status: 429,
    zh: "验证码已发送，请{retryAfterSeconds}秒后再获取",
    en: "A code was just sent; you can ask for another in {retryAfterSeconds} seconds",
  },
  sign_in_failed: { status: 401, zh: "用户名或密码不正确", en: "Wrong username or password" },
  account_disabled: { status: 403, zh: "该账号已停用，请联系人社部门", en: "This account is disabled" },
  worker_profile_missing: {
    status: 404,
    zh: "还没有填写求职资料",
    en: "No worker profile yet",
  },
  employer_profile_missing: { status: 404, zh: "还没有填写用工方资料", en: "No employer profile yet" },
  category_unknown: { status: 400, zh: "没有这个工种", en: "No such category" },
  district_unknown: { status: 400, zh: "该区县不在本市", en: "That district is not in this city" },
  home_outside_district: {
    status: 400,
    zh: "住址的定位不在所选区县内，请把图钉拖到住址处",
    en: "The home pin is outside the chosen district; drag it to the address",
  },
  id_number_invalid: {
    status: 400,
    zh: "身份证号码有误，请核对",
    en: "The ID number is not valid; please check it",
  },
  id_number_mismatch: {
    status: 400,
    zh: "出生日期或性别与身份证号码不符，请核对",
    en: "The date of birth or sex does not match the ID number; please check them",
  },
  birth_mismatch: {
    status: 400,
    zh: "出生日期与出生年份不一致，请核对",
    en: "The date of birth and the year of birth disagree; please check them",
  },
  under_working_age: {
    status: 400,
    zh: "未满16周岁，不能登记求职",
    en: "People under 16 cannot be registered for work",
  },
  id_number_registered: {
    status: 409,
    zh: "该身份证号码已在另一个账号登记，请到就近驿站核实",
    en: "This ID number is registered with another account; please ask at a station",
  },
  credit_code_required: {
    status: 400,
    zh: "企业用工须填写统一社会信用代码",
    en: "An enterprise must give its unified social credit code",
  },
  credit_code_invalid: {
    status: 400,
    zh: "统一社会信用代码有误，请核对",
    en: "The unified social credit code is not valid; please check it",
  },
  availability_invalid: {
    status: 400,
    zh: "可工作时间有误：结束须晚于开始",
    en: "Availability is not valid: the end must be after the start",
  },
  employer_not_found: { status: 404, zh: "找不到该用工方", en: "No such employer" },
  worker_not_found: { status: 404, zh: "找不到该零工", en: "No such worker" },
});
