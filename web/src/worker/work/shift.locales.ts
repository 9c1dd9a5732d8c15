/** Words of the shift screen (签到, 签退), added when it loads, not with the gig list. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  title: "上工签到",
  notFound: "找不到这个活，可能已被取消。",
  checkIn: "签到",
  checkInHint: "到了干活的地方再点签到，手机会用位置确认。",
  checkOut: "签退",
  checkOutHint: "干完活点签退，工时自动算好。",
  onShift: "{{time}} 已签到，正在上工",
  checkOutConfirmTitle: "确认签退？",
  workedSoFar: "从 {{from}} 算起，已工作 {{h}} 小时 {{m}} 分钟。签退后就不能再签到了。",
  checkOutBeforeStart: "还没到开工时间（{{time}}），开工前的时间不计工时。确定要签退吗？",
  checkOutConfirm: "确认签退",
  keepWorking: "继续干活",
  checkedInAt: "{{time}} 已签到",
  checkedOutAt: "{{time}} 已签退，等雇主确认工时和工钱。",
  doneTitle: "今天辛苦了",
  locationFailed: "没拿到位置。请问雇主要签到码，输入后签到。",
  useCodeInstead: "用位置签到没有成功。请问雇主要签到码，输入后签到。",
  askForCode: "请问现场的雇主要签到码。",
  haveCode: "用签到码签到",
  code: "签到码",
  codePlaceholder: "雇主给的数字",
  checkInWithCode: "用签到码签到",
  confirmFirst: "请先在“我的活”里确认会去，再来签到。",
  backToWork: "回到我的活",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { shift: zhCN }, true, false);
addEnglish(() => import("./shift.locales.en.ts").then(({ en }) => ({ shift: en })));
