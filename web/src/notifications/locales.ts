/** The notification centre's words, shared by the worker app, employer portal and station console. */
import i18n, { addEnglish } from "../shared/i18n.ts";

const zhCN = {
  bell: "消息",
  bellUnread: "消息，{{count}}条未读",
  title: "消息",
  empty: "还没有消息",
  markAll: "全部标为已读",
  unread: "未读",
  live: "新消息会自动出现",
  offline: "连接中断，正在重连…",
  justNow: "刚刚",
  minutesAgo: "{{count}}分钟前",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { notifications: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ notifications: en })));
