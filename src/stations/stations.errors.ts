import { defineErrors } from "../platform/errors.ts";

/** Errors of the station counter (驿站): walk-in registration, service records, job slips. */
export const stationErrors = defineErrors({
  station_required: {
    status: 403,
    zh: "您的账号未绑定驿站，不能办理窗口业务",
    en: "Your account is not attached to a station",
  },
  worker_already_registered: {
    status: 409,
    zh: "该手机号已登记为零工（{name}），无需重复登记",
    en: "This phone number is already registered as a worker ({name})",
  },
  worker_id_number_registered: {
    status: 409,
    zh: "该身份证号码已登记为零工（{name}，{phone}），请勿重复登记，可直接为其找活",
    en: "This ID number is already registered as a worker ({name}, {phone}); open that record instead",
  },
  person_not_found: { status: 404, zh: "找不到该服务对象", en: "No such person" },
  registration_kind_reserved: {
    status: 400,
    zh: "登记零工请使用“登记零工”功能",
    en: "Register a worker with the walk-in registration instead",
  },
  service_kind_reserved: {
    status: 400,
    zh: "代办记录由代办操作自动生成，不能手工添加",
    en: "Records of acts on a worker's behalf are written by those acts, not by hand",
  },
  worker_out_of_district: {
    status: 403,
    zh: "该零工不在本辖区登记或求职，不能代办",
    en: "This worker is neither registered nor looking for work in your district",
  },
});
