/** Words of a device's own pages before it is enrolled (终端、大屏登记), shared by /kiosk and /display. */
import i18n, { addEnglish } from "../shared/i18n.ts";

const zhCN = {
  enrol: {
    title: "登记本设备",
    hint: "请驿站工作人员在“驿站工作台 → 自助设备”中登记本设备，把显示的登记码输入下面。",
    code: "登记码",
    submit: "登记",
    kinds: { terminal: "自助服务终端", screen: "信息发布屏" },
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { device: zhCN }, true, false);
addEnglish(() => import("./devices.locales.en.ts").then(({ en }) => ({ device: en })));
