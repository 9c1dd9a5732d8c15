/** Errors of the monitoring platform (就业监测). */
import { defineErrors } from "../platform/errors.ts";

export const monitoringErrors = defineErrors({
  invalid_period: {
    status: 400,
    zh: "统计期不正确：{detail}（自定义统计期最长 366 天）",
    en: "The reporting period is not valid: {detail} (a custom period is at most 366 days)",
  },
  unknown_district: {
    status: 400,
    zh: "本市没有这个区县：{district}",
    en: "The city has no district {district}",
  },
  unknown_city: {
    status: 400,
    zh: "本省没有接入平台的城市：{city}",
    en: "No city {city} of the province is on the platform",
  },
  unknown_figure: {
    status: 404,
    zh: "没有这项指标的明细：{figure}",
    en: "There is no list behind the figure {figure}",
  },
});
