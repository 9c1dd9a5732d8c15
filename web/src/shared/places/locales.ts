/** Words of the address entry and the maps, added to i18next when their chunk loads. */
import i18n, { addEnglish } from "../i18n.ts";

const zhCN = {
  district: "区县",
  township: "乡镇街道",
  townshipPlaceholder: "选择乡镇或街道",
  street: "路名门牌",
  streetPlaceholder: "例如：中山东路 301 号",
  locate: "在地图上定位",
  pinRequired: "请先点“在地图上定位”，确认图钉位置",
  precision: {
    address: "已按地址定位。图钉不准可以拖动。",
    township: "没有找到这个门牌，图钉先放在乡镇街道中心，请拖到准确位置。",
    district: "没有找到这个门牌，图钉先放在区县中心，请拖到准确位置。",
  },
  moved: "图钉已移动，以此为准。",
  map: {
    label: "地图",
    zoomIn: "放大",
    zoomOut: "缩小",
    pin: "地点图钉，可拖动",
    here: "你的位置",
    loading: "地图加载中…",
    offline: "底图为各区县边界（未配置天地图密钥）",
    tianditu: "底图：天地图",
  },
};

export type Words = typeof zhCN;

i18n.addResourceBundle("zh-CN", "translation", { places: zhCN }, true, false);
addEnglish(() => import("./locales.en.ts").then(({ en }) => ({ places: en })));
