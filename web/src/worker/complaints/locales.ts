/** Words of the worker's complaint form and list, added when those screens load, not with the gig list. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  title: "投诉",
  hint: "驿站工作人员会在规定时间内联系您处理。投诉免费，雇主看不到您的电话。",
  kindLabel: "遇到了什么问题",
  kind: {
    wage_arrears: "拖欠工钱",
    fake_post: "活和说的不一样",
    upfront_fee: "让我先交钱",
    abuse: "打骂、侮辱",
    safety: "不安全",
    other: "其他",
  },
  amount: "欠了多少钱（元）",
  description: "说说经过",
  descriptionPlaceholder: "例如：11月20日干完活，说好当天结，到现在没给",
  submit: "提交投诉",
  mine: "我的投诉",
  file: "工钱有问题？投诉",
  emptyTitle: "没有投诉",
  emptyHint: "干活遇到问题，可以在“工钱”里点“投诉”，也可以去附近的零工驿站。",
  status: {
    open: "等待处理",
    in_progress: "正在处理",
    referred: "已交劳动保障监察",
    resolved: "已解决",
    rejected: "未受理",
  },
  inspection: "劳动保障监察案件编号{{caseNumber}}：{{status}}",
  inspectionStatus: { submitted: "已移交，等待立案", accepted: "已立案调查", concluded: "已结案" },
  dueBy: "{{at}} 前处理",
  overdue: "已超过处理期限，人社部门会跟进",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { complaint: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ complaint: en })));
