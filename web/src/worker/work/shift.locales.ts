/** Words of the shift screen (签到, 签退), added when it loads, not with the gig list. */
import i18n from "../../shared/i18n.ts";

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

const en: typeof zhCN = {
  title: "Check in",
  notFound: "This shift was not found; it may have been cancelled.",
  checkIn: "Check in",
  checkInHint: "Tap when you are at the workplace; the phone's location confirms it.",
  checkOut: "Check out",
  checkOutHint: "Tap when the work is done; your hours are counted for you.",
  onShift: "Checked in at {{time}}; you are on shift",
  checkOutConfirmTitle: "Check out now?",
  workedSoFar:
    "You have worked {{h}} h {{m}} min since {{from}}. Once you check out you cannot check in again.",
  checkOutBeforeStart:
    "The shift has not started yet ({{time}}); time before the start is not counted. Check out anyway?",
  checkOutConfirm: "Check out",
  keepWorking: "Keep working",
  checkedInAt: "Checked in at {{time}}",
  checkedOutAt: "Checked out at {{time}}; waiting for the employer to approve hours and pay.",
  doneTitle: "Well done today",
  locationFailed: "Could not get your location. Ask the employer for the check-in code and enter it.",
  useCodeInstead:
    "Checking in by location did not work. Ask the employer for the check-in code and enter it.",
  askForCode: "Ask the employer on site for the check-in code.",
  haveCode: "Check in with a code",
  code: "Check-in code",
  codePlaceholder: "The number the employer gives you",
  checkInWithCode: "Check in with the code",
  confirmFirst: "Confirm you will be there under “My work” first, then check in.",
  backToWork: "Back to my work",
};

i18n.addResourceBundle("zh-CN", "translation", { shift: zhCN }, true, false);
i18n.addResourceBundle("en", "translation", { shift: en }, true, false);
