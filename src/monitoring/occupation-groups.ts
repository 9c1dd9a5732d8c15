/**
 * The eight major groups (大类) of 《中华人民共和国职业分类大典》(2015, GB/T 6565), as the MOHRSS
 * supply-and-demand tables name them; categories carry their group's number (categories.occupation_group).
 */
export const OCCUPATION_GROUPS_ZH: Readonly<Record<string, string>> = {
  "1": "单位负责人",
  "2": "专业技术人员",
  "3": "办事人员和有关人员",
  "4": "社会生产服务和生活服务人员",
  "5": "农林牧渔业生产及辅助人员",
  "6": "生产制造及有关人员",
  "7": "军人",
  "8": "不便分类的其他从业人员",
};

/** A group's name; a number outside the classification is shown as such. */
export function occupationGroupName(key: string): string {
  return OCCUPATION_GROUPS_ZH[key] ?? `第${key}大类`;
}
