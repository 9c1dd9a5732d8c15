/**
 * Words of the message settings (消息提醒方式) and job alerts (订阅) screens: loaded with those
 * screens, not with every face's notification bell.
 */
import i18n from "../shared/i18n.ts";

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

const en: typeof zhCN = {
  channels: {
    title: "How to tell me",
    hint: "Messages always show here. If you like, we also send a text or call you.",
    app: "In the app",
    always: "Always",
    sms: "Text message (SMS)",
    voice: "Phone call that reads it out",
    voiceHint: "Choose this if reading is hard",
    lang: "Language of messages",
    saved: "Saved",
  },
  alerts: {
    title: "Job alerts",
    hint: "We tell you when a new gig fits, a few a day at most.",
    empty: "No job alerts yet",
    add: "New job alert",
    save: "Save job alert",
    stop: "Stop",
    stopped: "Job alert stopped",
    saved: "Job alert saved",
    category: "Kind of work",
    anyCategory: "Any work",
    where: "Where",
    district: "In this district",
    nearMe: "Near where I am now",
    withinKm: "Within {{km}} km",
    locating: "Finding where you are…",
    noPlace: "Choose a district, or how far from you",
    noLocation: "Could not find where you are. Allow location, or choose a district.",
    minPay: "At least per day",
    anyPay: "Any",
    sameDayPay: "Only gigs paid the same day",
    sameDay: "paid same day",
    near: "within {{km}} km",
    perDay: "from ¥{{yuan}} a day",
  },
};

i18n.addResourceBundle("zh-CN", "translation", { notifications: zhCN }, true, false);
i18n.addResourceBundle("en", "translation", { notifications: en }, true, false);
