/** Words of the worker's complaint form and list, added when those screens load, not with the gig list. */
import i18n from "../../shared/i18n.ts";

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

const en: typeof zhCN = {
  title: "Report a problem",
  hint: "Station staff will contact you within the deadline. It is free, and the employer does not see your number.",
  kindLabel: "What went wrong",
  kind: {
    wage_arrears: "Unpaid wages",
    fake_post: "Not the work described",
    upfront_fee: "Asked me to pay first",
    abuse: "Abuse",
    safety: "Unsafe",
    other: "Other",
  },
  amount: "Amount owed (yuan)",
  description: "What happened",
  descriptionPlaceholder: "e.g. Finished on 20 Nov, promised same-day pay, still not paid",
  submit: "Send",
  mine: "My reports",
  file: "Problem with pay? Report it",
  emptyTitle: "No reports",
  emptyHint: "If something goes wrong at work, tap Report under Pay, or visit a station nearby.",
  status: {
    open: "Waiting",
    in_progress: "Being handled",
    referred: "With labour inspection",
    resolved: "Resolved",
    rejected: "Not accepted",
  },
  inspection: "Labour inspection case {{caseNumber}}: {{status}}",
  inspectionStatus: {
    submitted: "handed over, awaiting a case",
    accepted: "under investigation",
    concluded: "case closed",
  },
  dueBy: "To be handled by {{at}}",
  overdue: "Past its deadline; the bureau will follow up",
};

i18n.addResourceBundle("zh-CN", "translation", { complaint: zhCN }, true, false);
i18n.addResourceBundle("en", "translation", { complaint: en }, true, false);
