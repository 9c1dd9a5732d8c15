/**
 * Every message linggong sends, in plain Chinese and English a 60-year-old understands.
 * Pure: a kind and its facts in, the texts out — the notification centre's title and body,
 * the SMS as the gateway's registered template (Chinese gateways send only approved templates,
 * named by id, with the signature 【零工市场】) and the sentence a voice call speaks.
 *
 * Facts are stored language-neutral (an ISO time, an amount in fen) and formatted here, so one
 * notification reads right in either language.
 */
import type { Lang } from "../platform/errors.ts";

export const SMS_SIGNATURE = "【零工市场】";

export const NOTIFICATION_KINDS = [
  // To workers
  "invitation_received",
  "application_accepted",
  "application_declined",
  "gig_cancelled",
  "booking_cancelled_by_employer",
  "reminder_evening",
  "reminder_hour",
  "check_in_open",
  "forgot_check_out",
  "hours_approved",
  "payment_recorded",
  "rating_received",
  "complaint_status",
  "complaint_inspection",
  "complaint_recovered",
  "job_alert",
  // To employers
  "new_applicant",
  "worker_confirmed",
  "worker_cancelled",
  "worker_no_show",
  "payment_disputed",
  // To staff
  "complaint_due_soon",
  "complaint_escalated",
  "walk_in_queued",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The facts a message may use; each kind uses some of them. */
export interface MessageFacts {
  gig?: string;
  /** ISO time of the shift's start. */
  startsAt?: string;
  address?: string;
  /** What to bring (the gig's requirements). */
  bring?: string;
  employer?: string;
  worker?: string;
  amountFen?: number;
  stars?: number;
  /** A complaint's new status: in_progress, resolved, rejected. */
  status?: string;
  /** ISO time a complaint is due. */
  dueAt?: string;
  /** A complaint's kind: wage_arrears, fake_post … */
  complaintKind?: string;
  /** The labour-inspection case number (劳动保障监察). */
  caseNumber?: string;
  /** Where the inspection case stands: submitted, accepted, concluded. */
  inspection?: string;
  district?: string;
  payFen?: number;
  payUnit?: string;
  /** The number on a queue slip from the station's terminal. */
  queueNumber?: number;
  /** The kind of work asked for at the terminal, by its Chinese name (absent: any). */
  category?: string;
}

export interface RenderedMessage {
  title: string;
  body: string;
}

export interface SmsMessage {
  /** The template id registered with the SMS gateway. */
  templateId: string;
  /** The template's variables, as the gateway fills them in. */
  params: Record<string, string>;
  /** The full text as the phone shows it (for the log provider and the records). */
  text: string;
}

interface Template {
  /** Held in quiet hours unless urgent. */
  urgent: boolean;
  /** Shown in the app only: a prompt for someone holding the app, not worth an SMS. */
  appOnly?: boolean;
  smsTemplateId: string;
  /** Chinese text with {name} variables (registered with the gateway as ${name}). */
  sms: string;
  zh: (f: Texts) => RenderedMessage;
  en: (f: Texts) => RenderedMessage;
}

/** Facts turned into words in one language. */
interface Texts {
  gig: string;
  time: string;
  address: string;
  bring: string;
  employer: string;
  worker: string;
  amount: string;
  stars: string;
  status: string;
  due: string;
  district: string;
  pay: string;
  complaintKind: string;
  caseNumber: string;
  inspection: string;
  queueNumber: string;
  category: string;
}

const TEMPLATES: Record<NotificationKind, Template> = {
  invitation_received: {
    urgent: false,
    smsTemplateId: "SMS_LG_INVITATION",
    sms: "您收到一个活：{gig}，{time}，{employer}邀请您。请打开零工市场回复，或到驿站找工作人员。",
    zh: (t) => ({
      title: "有人请您干活",
      body: `${t.employer}请您去干「${t.gig}」，时间：${t.time}。愿意去请点“接受”。`,
    }),
    en: (t) => ({
      title: "You are invited to a job",
      body: `${t.employer} invites you to "${t.gig}" on ${t.time}. Tap Accept if you want it.`,
    }),
  },
  application_accepted: {
    urgent: false,
    smsTemplateId: "SMS_LG_ACCEPTED",
    sms: "您报名的活定下来了：{gig}，{time}，地点：{address}。请准时到。",
    zh: (t) => ({
      title: "活定下来了",
      body: `「${t.gig}」要您了。时间：${t.time}，地点：${t.address}。请准时到。`,
    }),
    en: (t) => ({
      title: "You got the job",
      body: `"${t.gig}" is yours. When: ${t.time}. Where: ${t.address}. Please be on time.`,
    }),
  },
  application_declined: {
    urgent: false,
    smsTemplateId: "SMS_LG_DECLINED",
    sms: "您报名的活这次没有选上：{gig}。别灰心，还有别的活可以报。",
    zh: (t) => ({ title: "这次没有选上", body: `「${t.gig}」这次没选上。别灰心，看看别的活。` }),
    en: (t) => ({
      title: "Not chosen this time",
      body: `You were not chosen for "${t.gig}" this time. Have a look at other jobs.`,
    }),
  },
  gig_cancelled: {
    urgent: true,
    smsTemplateId: "SMS_LG_GIG_CANCELLED",
    sms: "对不起，{time}的活「{gig}」雇主取消了，不用去了。",
    zh: (t) => ({ title: "活取消了，不用去了", body: `雇主取消了「${t.gig}」（${t.time}），您不用去了。` }),
    en: (t) => ({
      title: "Job cancelled: do not go",
      body: `The employer cancelled "${t.gig}" (${t.time}). You do not need to go.`,
    }),
  },
  booking_cancelled_by_employer: {
    urgent: true,
    smsTemplateId: "SMS_LG_BOOKING_CANCELLED",
    sms: "对不起，雇主取消了您{time}的活「{gig}」，不用去了。",
    zh: (t) => ({
      title: "雇主取消了您的活",
      body: `雇主取消了您在「${t.gig}」的位置（${t.time}），您不用去了。`,
    }),
    en: (t) => ({
      title: "The employer cancelled your place",
      body: `The employer cancelled your place on "${t.gig}" (${t.time}). You do not need to go.`,
    }),
  },
  reminder_evening: {
    urgent: false,
    smsTemplateId: "SMS_LG_REMINDER_EVENING",
    sms: "提醒您：明天{time}有活「{gig}」，地点：{address}。请带上：{bring}。",
    zh: (t) => ({
      title: "明天有活，别忘了",
      body: `明天${t.time}干「${t.gig}」，地点：${t.address}。请带上：${t.bring}。`,
    }),
    en: (t) => ({
      title: "Work tomorrow",
      body: `Tomorrow, ${t.time}: "${t.gig}" at ${t.address}. Please bring: ${t.bring}.`,
    }),
  },
  reminder_hour: {
    urgent: true,
    smsTemplateId: "SMS_LG_REMINDER_HOUR",
    sms: "一小时后开工：{gig}，{time}，地点：{address}。请带上：{bring}。",
    zh: (t) => ({
      title: "一小时后开工",
      body: `「${t.gig}」${t.time}开工，地点：${t.address}。请带上：${t.bring}。`,
    }),
    en: (t) => ({
      title: "Work starts in one hour",
      body: `"${t.gig}" starts at ${t.time}, at ${t.address}. Please bring: ${t.bring}.`,
    }),
  },
  check_in_open: {
    urgent: true,
    appOnly: true,
    smsTemplateId: "SMS_LG_CHECK_IN_OPEN",
    sms: "可以签到了：{gig}。到了地方请打开零工市场签到，或请雇主帮您签到。",
    zh: (t) => ({ title: "可以签到了", body: `「${t.gig}」可以签到了。到了地方，请点“签到”。` }),
    en: (t) => ({
      title: "You can check in now",
      body: `Check-in for "${t.gig}" is open. When you arrive, tap Check in.`,
    }),
  },
  forgot_check_out: {
    urgent: false,
    smsTemplateId: "SMS_LG_FORGOT_CHECK_OUT",
    sms: "您忘了签退：{gig}。系统已按收工时间替您签退，工时请雇主核对。",
    zh: (t) => ({
      title: "您忘了签退",
      body: `「${t.gig}」您没有签退，系统按收工时间替您签退了。工时由雇主核对，有问题可以申诉。`,
    }),
    en: (t) => ({
      title: "You forgot to check out",
      body: `You did not check out of "${t.gig}", so we checked you out at the end time. The employer will check the hours; you can dispute them.`,
    }),
  },
  hours_approved: {
    urgent: false,
    smsTemplateId: "SMS_LG_HOURS_APPROVED",
    sms: "雇主确认了您的工时：{gig}，应付工钱{amount}。",
    zh: (t) => ({
      title: "工时确认了",
      body: `雇主确认了「${t.gig}」的工时，应付您${t.amount}。不对可以申诉。`,
    }),
    en: (t) => ({
      title: "Your hours are approved",
      body: `The employer approved your hours for "${t.gig}": you are owed ${t.amount}. You can dispute this.`,
    }),
  },
  payment_recorded: {
    urgent: false,
    smsTemplateId: "SMS_LG_PAYMENT_RECORDED",
    sms: "雇主说已付您工钱{amount}（{gig}）。收到了请在零工市场点“确认”，没收到请点“没收到”。",
    zh: (t) => ({
      title: "雇主说已付工钱，请确认",
      body: `「${t.gig}」雇主说付了您${t.amount}。收到了请点“确认”，没收到请点“没收到”。`,
    }),
    en: (t) => ({
      title: "Payment recorded: please confirm",
      body: `The employer says they paid you ${t.amount} for "${t.gig}". Tap Confirm if you got it, or Not received.`,
    }),
  },
  rating_received: {
    urgent: false,
    smsTemplateId: "SMS_LG_RATING",
    sms: "您收到一个评价：{stars}星（{gig}）。",
    zh: (t) => ({ title: "您收到一个评价", body: `「${t.gig}」给了您${t.stars}颗星。` }),
    en: (t) => ({ title: "You have a new rating", body: `You got ${t.stars} stars for "${t.gig}".` }),
  },
  complaint_status: {
    urgent: false,
    smsTemplateId: "SMS_LG_COMPLAINT",
    sms: "您的投诉有了新进展：{status}。详情请看零工市场或问驿站。",
    zh: (t) => ({ title: "投诉有进展了", body: `您的投诉：${t.status}。` }),
    en: (t) => ({ title: "News about your complaint", body: `Your complaint: ${t.status}.` }),
  },
  complaint_inspection: {
    urgent: false,
    smsTemplateId: "SMS_LG_COMPLAINT_INSPECTION",
    sms: "您的投诉已交劳动保障监察处理，案件编号{caseNumber}，进展：{inspection}。有问题请问驿站。",
    zh: (t) => ({
      title: "投诉已交劳动保障监察",
      body: `您的投诉由劳动保障监察处理，案件编号${t.caseNumber}。进展：${t.inspection}。`,
    }),
    en: (t) => ({
      title: "Your complaint is with labour inspection",
      body: `Labour inspection is handling your complaint, case ${t.caseNumber}. Progress: ${t.inspection}.`,
    }),
  },
  complaint_recovered: {
    urgent: false,
    smsTemplateId: "SMS_LG_COMPLAINT_RECOVERED",
    sms: "您的投诉有进展：已为您追回工钱{amount}。详情请问驿站。",
    zh: (t) => ({ title: "追回工钱了", body: `您的投诉有进展：已为您追回工钱${t.amount}。` }),
    en: (t) => ({
      title: "Pay recovered",
      body: `News about your complaint: ${t.amount} of your pay has been recovered.`,
    }),
  },
  job_alert: {
    urgent: false,
    smsTemplateId: "SMS_LG_JOB_ALERT",
    sms: "有新活：{gig}，{district}，{pay}，{time}。想去请打开零工市场报名，或到驿站。",
    zh: (t) => ({
      title: "有合适的新活",
      body: `「${t.gig}」，${t.district}，${t.pay}，${t.time}。想去就快报名。`,
    }),
    en: (t) => ({
      title: "A new job for you",
      body: `"${t.gig}", ${t.district}, ${t.pay}, ${t.time}. Apply soon if you want it.`,
    }),
  },
  new_applicant: {
    urgent: false,
    smsTemplateId: "SMS_LG_NEW_APPLICANT",
    sms: "{worker}报名了您的活「{gig}」，请到零工市场查看。",
    zh: (t) => ({ title: "有人报名了", body: `${t.worker}报名了「${t.gig}」，去看看吧。` }),
    en: (t) => ({ title: "New applicant", body: `${t.worker} applied for "${t.gig}".` }),
  },
  worker_confirmed: {
    urgent: false,
    smsTemplateId: "SMS_LG_WORKER_CONFIRMED",
    sms: "{worker}确认会来干「{gig}」（{time}）。",
    zh: (t) => ({ title: "工人确认会来", body: `${t.worker}确认会来干「${t.gig}」（${t.time}）。` }),
    en: (t) => ({
      title: "Worker confirmed",
      body: `${t.worker} confirmed they will come to "${t.gig}" (${t.time}).`,
    }),
  },
  worker_cancelled: {
    urgent: true,
    smsTemplateId: "SMS_LG_WORKER_CANCELLED",
    sms: "{worker}不能来干「{gig}」了（{time}），空出一个位置。",
    zh: (t) => ({
      title: "工人取消了",
      body: `${t.worker}不能来干「${t.gig}」了（${t.time}），空出一个位置。`,
    }),
    en: (t) => ({
      title: "A worker cancelled",
      body: `${t.worker} cannot come to "${t.gig}" (${t.time}). A place is free again.`,
    }),
  },
  worker_no_show: {
    urgent: false,
    smsTemplateId: "SMS_LG_NO_SHOW",
    sms: "{worker}没有来干「{gig}」（{time}），已记为未到岗。",
    zh: (t) => ({ title: "工人没来", body: `${t.worker}没有来干「${t.gig}」（${t.time}），已记为未到岗。` }),
    en: (t) => ({
      title: "Worker did not come",
      body: `${t.worker} did not come to "${t.gig}" (${t.time}); marked as a no-show.`,
    }),
  },
  payment_disputed: {
    urgent: false,
    smsTemplateId: "SMS_LG_PAYMENT_DISPUTED",
    sms: "{worker}说没收到「{gig}」的工钱{amount}，请尽快核实。",
    zh: (t) => ({
      title: "工人说没收到工钱",
      body: `${t.worker}说没收到「${t.gig}」的工钱${t.amount}，请尽快核实。`,
    }),
    en: (t) => ({
      title: "Payment disputed",
      body: `${t.worker} says they did not receive ${t.amount} for "${t.gig}". Please check soon.`,
    }),
  },
  complaint_due_soon: {
    urgent: false,
    smsTemplateId: "SMS_LG_COMPLAINT_DUE",
    sms: "有一件投诉快到期了（{due}），请尽快处理。",
    zh: (t) => ({ title: "投诉快到期了", body: `有一件投诉${t.due}到期，请尽快处理。` }),
    en: (t) => ({
      title: "A complaint is nearly due",
      body: `A complaint is due ${t.due}. Please handle it soon.`,
    }),
  },
  walk_in_queued: {
    urgent: false,
    // The counter's own screen: the person is in the room, an SMS to staff would only be noise.
    appOnly: true,
    smsTemplateId: "SMS_LG_WALK_IN_QUEUED",
    sms: "自助服务终端取号：{queueNumber}号，想找{category}的活，请叫号接待。",
    zh: (t) => ({
      title: `${t.queueNumber}号在等候`,
      body: `有人在自助服务终端取了${t.queueNumber}号，想找${t.category}的活。请叫号接待。`,
    }),
    en: (t) => ({
      title: `Number ${t.queueNumber} is waiting`,
      body: `Someone took number ${t.queueNumber} at the self-service terminal, looking for ${t.category}. Please call them to the counter.`,
    }),
  },
  complaint_escalated: {
    urgent: false,
    smsTemplateId: "SMS_LG_COMPLAINT_ESCALATED",
    sms: "督办：一件{complaintKind}投诉{status}（{due}到期），请督促办理。",
    zh: (t) => ({
      title: `投诉督办：${t.status}`,
      body: `一件${t.complaintKind}投诉${t.status}（${t.due}到期），请督促办理。`,
    }),
    en: (t) => ({
      title: `Complaint escalated: ${t.status}`,
      body: `A ${t.complaintKind} complaint ${t.status} (due ${t.due}). Please see that it is handled.`,
    }),
  },
};

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** "12月3日 周四 上午8:00" / "Thu 3 Dec, 8:00" — in Shanghai time, the way people say it. */
export function spokenTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return "";
  const local = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
  const h = local.getUTCHours();
  const m = `${local.getUTCMinutes()}`.padStart(2, "0");
  if (lang === "en") {
    const day = local.toLocaleDateString("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    return `${day}, ${h}:${m}`;
  }
  const part = h < 12 ? "上午" : h < 18 ? "下午" : "晚上";
  const h12 = h <= 12 ? h : h - 12;
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${WEEKDAYS_ZH[local.getUTCDay()]} ${part}${h12}:${m}`;
}

/** 15000 fen → "150元" / "¥150". */
export function spokenMoney(fen: number | undefined, lang: Lang): string {
  if (fen === undefined) return "";
  const yuan = Number.isInteger(fen / 100) ? `${fen / 100}` : (fen / 100).toFixed(2);
  return lang === "en" ? `¥${yuan}` : `${yuan}元`;
}

const UNIT = {
  "zh-CN": { day: "每天", hour: "每小时", piece: "每件" },
  en: { day: "a day", hour: "an hour", piece: "a piece" },
} as const;

const COMPLAINT_STATUS = {
  "zh-CN": {
    in_progress: "工作人员已经在处理",
    referred: "已交劳动保障监察处理",
    resolved: "已经处理好了",
    rejected: "没有受理，原因请问驿站",
    nearly_due: "即将到期",
    overdue: "已超期",
  },
  en: {
    in_progress: "staff are working on it",
    referred: "it has been handed to labour inspection",
    resolved: "it has been resolved",
    rejected: "it was not accepted; ask the station why",
    nearly_due: "is nearly due",
    overdue: "is overdue",
  },
} as const;

const COMPLAINT_KIND = {
  "zh-CN": {
    wage_arrears: "欠薪",
    fake_post: "虚假岗位",
    upfront_fee: "收取费用",
    abuse: "辱骂",
    safety: "安全",
    other: "其他",
  },
  en: {
    wage_arrears: "wage-arrears",
    fake_post: "fake-post",
    upfront_fee: "up-front-fee",
    abuse: "abuse",
    safety: "safety",
    other: "other",
  },
} as const;

const INSPECTION = {
  "zh-CN": { submitted: "已移交，等待立案", accepted: "已立案调查", concluded: "已结案" },
  en: {
    submitted: "handed over, awaiting a case",
    accepted: "under investigation",
    concluded: "case closed",
  },
} as const;

/** Every SMS template id linggong sends, for a gateway's template map to cover. */
export function smsTemplateIds(): string[] {
  return [...new Set(Object.values(TEMPLATES).map((template) => template.smsTemplateId))];
}

const lookup = <T extends Record<string, string>>(table: T, key: string | undefined): string =>
  key === undefined ? "" : ((table as Record<string, string>)[key] ?? key);

/** 15000 fen a day → "每天150元" / "¥150 a day". */
export function spokenPay(payFen: number | undefined, payUnit: string | undefined, lang: Lang): string {
  if (payFen === undefined) return "";
  const unit = UNIT[lang][payUnit as keyof (typeof UNIT)["en"]] ?? "";
  return lang === "en" ? `${spokenMoney(payFen, lang)} ${unit}` : `${unit}${spokenMoney(payFen, lang)}`;
}

function texts(f: MessageFacts, lang: Lang): Texts {
  const pay = spokenPay(f.payFen, f.payUnit, lang);
  const status = lookup(COMPLAINT_STATUS[lang], f.status);
  const nothing = lang === "en" ? "nothing special" : "没有特别要求";
  return {
    gig: f.gig ?? "",
    time: spokenTime(f.startsAt, lang),
    address: f.address ?? "",
    bring: f.bring?.trim() ? f.bring.trim() : nothing,
    employer: f.employer ?? "",
    worker: f.worker ?? "",
    amount: spokenMoney(f.amountFen, lang),
    stars: f.stars === undefined ? "" : `${f.stars}`,
    status,
    due: spokenTime(f.dueAt, lang),
    district: f.district ?? "",
    pay,
    complaintKind: lookup(COMPLAINT_KIND[lang], f.complaintKind),
    caseNumber: f.caseNumber ?? "",
    inspection: lookup(INSPECTION[lang], f.inspection),
    queueNumber: f.queueNumber === undefined ? "" : `${f.queueNumber}`,
    category: f.category ?? (lang === "en" ? "any work" : "不限工种"),
  };
}

export function isUrgent(kind: NotificationKind): boolean {
  return TEMPLATES[kind].urgent;
}

export function isAppOnly(kind: NotificationKind): boolean {
  return TEMPLATES[kind].appOnly === true;
}

/** The notification centre's title and body. */
export function render(kind: NotificationKind, facts: MessageFacts, lang: Lang): RenderedMessage {
  const template = TEMPLATES[kind];
  return lang === "en" ? template.en(texts(facts, lang)) : template.zh(texts(facts, lang));
}

/**
 * The SMS. Gateways send only templates registered in Chinese, so the SMS is the Chinese
 * template for every reader; the app and the voice call speak the person's language.
 */
export function smsFor(kind: NotificationKind, facts: MessageFacts): SmsMessage {
  const template = TEMPLATES[kind];
  const words = texts(facts, "zh-CN");
  const names = [...template.sms.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof Texts);
  const params = Object.fromEntries(names.map((name) => [name, words[name]]));
  const text = SMS_SIGNATURE + template.sms.replace(/\{(\w+)\}/g, (_, name: keyof Texts) => words[name]);
  return { templateId: template.smsTemplateId, params, text };
}

/**
 * What a voice call says: a greeting, the message said twice (people on old phones often miss
 * the start), and how to answer. Written for text to speech: no brackets or symbols.
 */
export function voiceFor(kind: NotificationKind, facts: MessageFacts, lang: Lang): string {
  const { title, body } = render(kind, facts, lang);
  const plain = (lang === "en" ? `${title}. ${body}` : `${title}。${body}`)
    .replace(/[「」"“”]/g, "")
    .replace(/¥(\d+)/g, "$1 yuan");
  if (lang === "en") return `Hello, this is the city gig market. ${plain} Again: ${plain} Goodbye.`;
  return `您好，这里是零工市场。${plain}我再说一遍：${plain}如有问题请到附近驿站咨询。再见。`;
}
