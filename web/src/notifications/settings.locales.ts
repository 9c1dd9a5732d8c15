/**
 * Words of the message settings (消息提醒方式) and job alerts (订阅) screens: loaded with those
 * screens, not with every face's notification bell.
 */
import i18n, { addEnglish } from "../shared/i18n.ts";

const zhCN = {
  channels: {
    title: "消息提醒方式",
    hint: "消息总会在这里显示。想要时，也可以发短信或打电话告诉您。",
    app: "在应用里看",
    always: "总是",
    sms: "发短信",
    voice: "打电话念给我听",
    voiceHint: "不方便看字时选这个",
    lang: "消息的语言",
    saved: "已保存",
  },
  alerts: {
    title: "新活提醒（订阅）",
    hint: "有合适的新活时告诉您，一天最多几条。",
    empty: "还没有订阅",
    add: "新建订阅",
    save: "保存订阅",
    stop: "取消订阅",
    stopped: "已取消订阅",
    saved: "订阅已保存",
    category: "干什么活",
    anyCategory: "什么活都行",
    where: "在哪里",
    district: "在这个区",
    nearMe: "离我现在的位置",
    withinKm: "{{km}}公里内",
    locating: "正在找您的位置…",
    noPlace: "请选一个区，或者选离您多远",
    noLocation: "没拿到您的位置。请允许使用位置，或者选一个区。",
    minPay: "每天至少",
    anyPay: "不限",
    sameDayPay: "只要当天结钱的",
    sameDay: "当天结",
    near: "附近{{km}}公里",
    perDay: "每天{{yuan}}元起",
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { notifications: zhCN }, true, false);
addEnglish(() => import("./settings.locales.en.ts").then(({ en }) => ({ notifications: en })));
