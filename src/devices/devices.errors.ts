import { defineErrors } from "../platform/errors.ts";

/** Errors of devices enrolled to a station: the self-service terminal and the information screen. */
export const deviceErrors = defineErrors({
  station_not_found: { status: 404, zh: "找不到该驿站", en: "No such station" },
  device_not_found: { status: 404, zh: "找不到该设备", en: "No such device" },
  enrolment_code_invalid: {
    status: 400,
    zh: "登记码无效或已过期，请在驿站工作台重新生成",
    en: "The enrolment code is invalid or has expired; make a new one in the station console",
  },
  device_revoked: { status: 409, zh: "该设备已停用", en: "This device has been revoked" },
  person_signed_out: {
    status: 401,
    zh: "请重新用手机号和验证码登录",
    en: "Please sign in again with your phone number and code",
  },
  person_role_wrong: {
    status: 403,
    zh: "此业务需要用另一种身份登录",
    en: "This needs a sign-in of another kind (worker or employer)",
  },
  qr_sign_in_not_found: {
    status: 404,
    zh: "这个登录二维码已失效，请在终端上重新点“扫码登录”",
    en: "This sign-in code has expired; tap “Sign in by scanning” on the terminal again",
  },
  qr_sign_in_used: {
    status: 409,
    zh: "这个登录二维码已经用过了",
    en: "This sign-in code has already been used",
  },
  terminal_only: {
    status: 403,
    zh: "只有自助服务终端可以办理此业务",
    en: "Only a self-service terminal may do this",
  },
});
