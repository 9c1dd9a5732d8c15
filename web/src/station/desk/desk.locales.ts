/**
 * Words of the counter's 代办 desk: staff acting for a worker without a smartphone, said the way
 * staff speak to her ("代她报名", "她的活"). Merged into the station console's words.
 */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  menu: { workers: "代办业务" },
  walkIn: { findWork: "为她找活" },
  slip: { for: "派给", booked: "已约好", contact: "联系人" },
  find: {
    title: "代办业务",
    hint: "为没有智能手机的零工代为报名、确认、签到和确认收款。请先找到本人：输入姓名，或手机号后四位。",
    search: "姓名或手机号后四位",
    searchButton: "查找",
    none: "本辖区没有找到这位零工。如未登记，请先登记。",
    registerFirst: "去登记零工",
    open: "为她办理",
    registered: "驿站登记",
    born: "{{year}} 年生",
  },
  desk: {
    title: "为 {{name}} 办理",
    alerts: "帮她订阅新活",
    alertsHint: "有合适的新活时，按她选的方式（短信或电话）告诉她，一天最多几条。",
    alertsElsewhere: "她不是在本驿站登记的，订阅请到登记她的驿站办理，或由她自己在手机上设置。",
    back: "换一位",
    consent: "本人同意方式",
    consentHint: "每项代办都会记录是谁办的、本人如何同意，本人以后登录可以看到。",
    consentInPerson: "本人在场，口头同意",
    consentByPhone: "电话中口头同意",
    recommended: "为她推荐的活",
    recommendedEmpty: "暂时没有合适的活。可以在“早市派工”里统一安排，或过会儿再看。",
    apply: "代她报名",
    applied: "已为她报名，等用工方回复。",
    places: "还缺 {{count}} 人",
    offers: "邀请和报名",
    offersEmpty: "还没有报名或邀请",
    accept: "代她接受",
    decline: "代她谢绝",
    work: "她的活",
    workEmpty: "还没有约好的活",
    confirm: "确认会去",
    cancel: "代她取消",
    cancelReason: "取消原因",
    code: "签到码",
    codeHint: "请用工方在电话里念给您听",
    checkIn: "代她签到",
    checkOut: "代她签退",
    checkOutConfirm: "确认为她签退吗？签退后开始核算工时。",
    slip: "打印派工单",
    pay: "工钱",
    payEmpty: "还没有工钱记录",
    confirmPay: "她已收到 {{amount}}",
    disputePay: "钱数不对",
    disputeReason: "哪里不对（如：少付了 50 元）",
    done: "已办好",
    history: "代办记录",
    complaint: "为她投诉",
    complaintHint: "她说的情况，由您代她提交；之后在“投诉处理”中跟进，进展会按她的联系方式告诉她。",
    complaintKind: "投诉类型",
    complaintWork: "哪份工",
    complaintWorkRequired: "欠薪请选择是哪份工",
    complaintAmount: "欠多少钱（元）",
    complaintText: "她说的情况",
    complaintTextRequired: "请写下她说的情况（至少 4 个字）",
    fileComplaint: "提交投诉",
    complaintFiled: "投诉已提交，可在“投诉处理”中跟进",
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { station: zhCN }, true, false);
addEnglish(() => import("./desk.locales.en.ts").then(({ en }) => ({ station: en })));
