/** Words of the information screen (信息发布屏), read from five metres. */
import i18n, { addEnglish } from "../shared/i18n.ts";

const zhCN = {
  title: "{{station}} · 零工信息",
  gigs: "附近招工",
  openGigs: "附近在招 {{count}} 个岗位",
  hiresToday: "今日录用",
  people: "{{count}} 人",
  placesLeft: "还缺 {{count}} 人",
  hours: "开放时间",
  phone: "咨询电话",
  page: "第 {{page}}/{{pages}} 页",
  scan: "扫码报名",
  updatedAt: "更新于 {{time}}",
  stale: "网络中断，正在重连 · 显示的是 {{time}} 的信息",
  none: "附近暂时没有在招的岗位，请到窗口咨询",
  loading: "正在读取…",
  revoked: "本设备已停用，请联系驿站工作人员重新登记",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { display: zhCN }, true, false);
addEnglish(() => import("./display.locales.en.ts").then(({ en }) => ({ display: en })));
