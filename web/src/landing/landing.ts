/**
 * The front door: plain HTML (web/landing.html) with this small script, so a phone on a slow line
 * shows the two choices at once instead of downloading React first. It switches the page's
 * words between Chinese and English, remembering the choice where the apps read it (lg.lang), and
 * where one deployment serves several cities lets the visitor choose hers (city-chooser.ts).
 */
import "../shared/base.css";
import "./landing.css";
import { showCityChooser } from "./city-chooser.ts";

const WORDS = {
  "zh-CN": {
    title: "零工市场",
    other: "English",
    otherCode: "en",
    brand: "零工市场",
    heading: "找活、招人，就在家门口",
    subtitle: "人社部门主办的公益零工服务平台，免费使用",
    city: "选择城市",
    worker: "我要找活",
    workerText: "附近的日结、短期活，一键报名，干完活确认工钱",
    employer: "我要招人",
    employerText: "发布用工需求，挑选附近的师傅，记录考勤和工钱",
    promise: "平台不收任何费用。凡是要押金、培训费、体检费的，都不是正规岗位，请向驿站举报。",
    staff: "工作人员入口：",
    station: "驿站工作台",
    monitoring: "监测平台",
  },
  en: {
    title: "City Gig Market",
    other: "中文",
    otherCode: "zh-CN",
    brand: "City Gig Market",
    heading: "Find work or find workers, close to home",
    subtitle: "A free public gig-work service run by the human-resources bureau",
    city: "Choose your city",
    worker: "I want work",
    workerText: "Day jobs and short gigs nearby; apply in one tap, confirm your pay after the job",
    employer: "I need workers",
    employerText: "Post what you need, pick workers nearby, keep attendance and pay records",
    promise:
      "The platform charges nothing. A post asking for a deposit, training or medical-check fee is not genuine: report it to a station.",
    staff: "For staff:",
    station: "Station console",
    monitoring: "Monitoring platform",
  },
} as const;

type Language = keyof typeof WORDS;
type Word = keyof (typeof WORDS)["zh-CN"];
const STORAGE_KEY = "lg.lang";

function show(language: Language): void {
  const words = WORDS[language];
  document.documentElement.lang = language;
  document.title = words.title;
  for (const element of document.querySelectorAll<HTMLElement>("[data-word]")) {
    element.textContent = words[element.dataset.word as Word];
  }
  const button = document.getElementById("lg-language");
  if (button) {
    button.textContent = words.other;
    button.lang = words.otherCode;
  }
}

let language: Language = localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
show(language);
document.getElementById("lg-language")?.addEventListener("click", () => {
  language = language === "en" ? "zh-CN" : "en";
  localStorage.setItem(STORAGE_KEY, language);
  show(language);
});
void showCityChooser();
