/** The messages page's words (sent, failed, dead letters), loaded with its page. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  messages: {
    figures: "近{{days}}天发出的短信和电话",
    figuresHint: "失败：还会再试；未送达：试了多次仍失败；暂不发送：超过每天条数上限，只在应用里显示。",
    day: "日期",
    channel: "方式",
    sent: "已发出",
    failed: "失败待重试",
    dead: "未送达",
    suppressed: "暂不发送",
    noFigures: "这段时间没有发短信或打电话",
    deadLetters: "未送达的消息",
    deadHint: "试了多次仍没有送达的消息。查明原因（如短信平台故障）后，市级管理员可以重新发送。",
    noDead: "没有未送达的消息",
    createdAt: "产生时间",
    kind: "消息类型",
    phone: "手机号",
    attempts: "尝试次数",
    lastError: "最后一次错误",
    retry: "重新发送",
    retried: "已重新排队发送",
    channels: { sms: "短信", voice: "语音电话" },
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { admin: zhCN }, true, false);
addEnglish(() => import("./messages.locales.en.ts").then(({ en }) => ({ admin: en })));
