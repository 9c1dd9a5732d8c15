/** English words of official.locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./official.locales.ts";

export const en: Words = {
  official: {
    title: "Labour market supply and demand (official definition)",
    definition:
      "As MOHRSS reports the public employment services (部分城市公共就业服务机构市场供求状况): vacancies and job seekers registered in the period; ratio = vacancies ÷ seekers. Not the valid-stock ratio of Supply and demand.",
    demand: "Vacancies registered",
    seekers: "Seekers registered",
    ratio: "Jobs-to-seekers ratio",
    group: "Occupation group",
    total: "Total",
    anyCategory: "Any work",
    noRequirement: "No requirement",
    demandByRequirement: "Vacancies by the employer's requirements and industry",
    seekersByTraits: "Seekers by their own traits",
  },
};
