/** Words of the station's devices page: the self-service terminal and the screen by the door. */
import i18n, { addEnglish } from "../../shared/i18n.ts";

const zhCN = {
  menu: { devices: "自助设备" },
  devices: {
    title: "自助设备",
    hint: "为本驿站登记自助服务终端（/kiosk）或信息发布屏（/display）。登记码只显示一次，24 小时内有效：在设备上打开对应地址，输入登记码即可。设备丢失或更换时请立即停用。",
    kind: "设备类型",
    kinds: { terminal: "自助服务终端", screen: "信息发布屏" },
    name: "设备名称",
    namePlaceholder: "如：大厅一号机",
    add: "登记设备",
    codeTitle: "登记码（只显示这一次）",
    codeHint: "在设备上打开 {{address}}，输入下面的登记码。",
    status: "状态",
    statuses: { awaiting_enrolment: "等待登记", active: "使用中", revoked: "已停用" },
    lastSeen: "最近联网",
    never: "从未",
    revoke: "停用",
    revokeConfirm: "停用后该设备立即退出，需重新登记才能使用。确定停用？",
    revoked: "已停用",
    empty: "本驿站还没有登记设备",
    noStation: "您的账号未绑定驿站",
    queueTitle: "今日自助机排队单",
    queueEmpty: "今天还没有人在自助机取号",
    queueNumber: "排队号",
    queueWant: "想做的工种",
    queueTime: "取号时间",
    refresh: "刷新",
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { station: zhCN }, true, false);
addEnglish(() => import("./devices.locales.en.ts").then(({ en }) => ({ station: en })));
