/** The words of 扫码登录 in the worker app (its own chunk, loaded with the page). */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  title: "在自助终端登录",
  ask: "要在「{{station}}」的自助服务终端上登录吗？",
  hint: "确认后，终端会用您的账号登录。您离开时终端会自动退出。",
  confirm: "确认登录",
  notMe: "不是我扫的，取消",
  done: "已确认，请回到终端继续办理",
  cancelled: "已取消，终端不会登录",
  missing: "这个二维码不完整，请在终端上重新扫码",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { terminalSignIn: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ terminalSignIn: en })));
