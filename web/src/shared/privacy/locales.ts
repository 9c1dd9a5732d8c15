/** Words of consent, the legal pages, 我的数据 and 注销账号, shared by the worker app and the employer portal. */
import i18n, { addEnglish } from "../i18n.ts";

const zhCN = {
  agree: "我已阅读并同意《用户协议》和《隐私政策》",
  agreeRequired: "请先勾选同意《用户协议》和《隐私政策》",
  askTitle: "请阅读并同意",
  askHint: "第一次登录，或协议有了新版本时，需要您阅读并同意后才能继续。",
  accept: "同意并登录",
  terms: "用户协议",
  privacy: "隐私政策",
  version: "第{{version}}版 · {{date}}发布",
  back: "返回",
  myData: "我的数据",
  myDataHint:
    "下载我们保存的关于您的全部信息：资料、报名、工作、工时、工资、评价、投诉、消息、同意记录，以及工作人员查看您信息的记录。",
  downloadXlsx: "下载表格（Excel）",
  downloadJson: "下载 JSON 文件",
  close: "注销账号",
  closeHint:
    "注销后，您的姓名、手机号、身份证号等会立即删除，无法恢复；工资和投诉记录按《隐私政策》保存，但不再与您关联。",
  closeConfirmLabel: "请输入“注销”二字确认",
  closeSubmit: "确认注销",
  closed: "账号已注销",
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { privacy: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ privacy: en })));
