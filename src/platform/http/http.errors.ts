/** Errors of the HTTP edge itself: what reaches us before, or beneath, any area's rules. */
import { defineErrors } from "../errors.ts";

export const httpErrors = defineErrors({
  value_out_of_range: {
    status: 400,
    zh: "提交的数值、日期或文字超出了允许的范围",
    en: "A number, date or text in the request is out of range or malformed",
  },
  unsupported_media_type: {
    status: 415,
    zh: "不支持该内容格式，请以 JSON 提交",
    en: "This content type is not supported; send JSON",
  },
  uri_too_long: { status: 414, zh: "请求地址过长", en: "The address of the request is too long" },
  headers_too_large: { status: 431, zh: "请求头过大", en: "The request headers are too large" },
  request_timeout: { status: 408, zh: "请求超时，请重试", en: "The request took too long; please try again" },
  city_unknown: {
    status: 400,
    zh: "本平台没有所选的城市，请重新选择城市",
    en: "This service does not cover the city chosen; choose the city again",
  },
  method_not_allowed: {
    status: 405,
    zh: "该接口不支持此请求方式",
    en: "This endpoint does not accept this method",
  },
});
