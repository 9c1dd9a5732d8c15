/** Words of the gig form, shared by the employer portal and the station console; added when the form's chunk loads. */
import i18n, { addEnglish } from "../i18n.ts";

const zhCN = {
  title: "发布用工",
  category: "工种",
  categoryRequired: "请选择工种",
  gigTitle: "标题",
  titlePlaceholder: "例如：小区保洁 2 人",
  titleRule: "标题 2–60 个字",
  address: "工作地点",
  date: "日期",
  dateRequired: "请选择日期",
  start: "开工",
  end: "收工",
  timeRequired: "请填写时间",
  endAfterStart: "收工时间要晚于开工时间",
  headcount: "招几人",
  headcountRule: "人数为 1–500",
  pay: "报酬（元）",
  payRule: "请填写报酬",
  payHint: "市场参考：{{pay}}",
  payUnit: "计酬方式",
  settlement: "结算方式",
  description: "工作内容",
  descriptionPlaceholder: "干什么、带什么工具、管不管饭",
  requirements: "要求",
  requirementsPlaceholder: "例如：能搬重物，有经验优先",
  noFees: "不得向劳动者收取押金、培训费、体检费等任何费用，否则岗位不会发布。",
  submit: "发布",

  payUnits: { day: "按天", hour: "按小时", piece: "按件" },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { gigForm: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ gigForm: en })));
