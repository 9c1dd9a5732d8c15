import { defineErrors } from "../platform/errors.ts";

export const placeErrors = defineErrors({
  district_unknown: { status: 400, zh: "该区县不在本市", en: "That district is not in this city" },
  township_unknown: {
    status: 400,
    zh: "所选乡镇街道不属于该区县",
    en: "That township is not in the chosen district",
  },
});
