/** Errors of the bureaus' administration: stations, staff accounts, categories, city settings. */
import { defineErrors } from "../platform/errors.ts";

export const administrationErrors = defineErrors({
  district_unknown: { status: 400, zh: "该区县不在本市", en: "That district is not in this city" },
  station_outside_district: {
    status: 400,
    zh: "驿站位置不在所选区县范围内，请核对经纬度",
    en: "The station's point is not inside the chosen district; check the latitude and longitude",
  },
  station_not_found: { status: 404, zh: "找不到该驿站", en: "No such station" },
  station_inactive: {
    status: 400,
    zh: "该驿站已停用，不能再分配工作人员",
    en: "That station is deactivated; staff cannot be assigned to it",
  },
  staff_not_found: { status: 404, zh: "找不到该工作人员账号", en: "No such staff account" },
  staff_station_required: {
    status: 400,
    zh: "驿站工作人员须绑定一个驿站",
    en: "A station staff account must be attached to a station",
  },
  staff_district_required: {
    status: 400,
    zh: "区级管理员须指定所属区县",
    en: "A district administrator must be given a district",
  },
  username_taken: { status: 409, zh: "该用户名已被使用", en: "That username is already taken" },
  password_too_short: {
    status: 400,
    zh: "密码至少需要{min}位",
    en: "The password must have at least {min} characters",
  },
  category_not_found: { status: 404, zh: "找不到该工种", en: "No such category" },
  category_code_taken: { status: 409, zh: "该工种代码已存在", en: "That category code already exists" },
  category_national: {
    status: 409,
    zh: "全国基础工种的名称、职业代码和计价单位全国统一，本市只能调整参考日薪、排序和是否启用；如需本地叫法，请新增本市工种",
    en: "A national category's names, occupation code and pay unit are the same everywhere; a city sets only its reference pay, order and whether it is offered. Add a city category for a local name",
  },
  occupation_group_mismatch: {
    status: 400,
    zh: "职业大类应与职业代码的第一位一致（{expected}）",
    en: "The occupation group must match the first digit of the occupation code ({expected})",
  },
});
