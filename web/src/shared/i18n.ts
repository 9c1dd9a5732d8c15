/**
 * Simplified Chinese first, English second; the choice is remembered on this device.
 * Chinese ships with every first screen; English is its own chunk, fetched before the first render
 * for those who chose it and on the switch for the others, so nobody downloads both.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { zhCN } from "./locales/zh-CN.ts";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "lg.lang";

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "zh-CN";
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  // Each face adds its own words with addResourceBundle; English arrives later as a bundle too.
  partialBundledLanguages: true,
});

i18n.on("languageChanged", (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

let englishLoaded: Promise<void> | undefined;

/** Fetches the shared English words once; the faces' own English words are already registered. */
function loadEnglish(): Promise<void> {
  englishLoaded ??= import("./locales/en.ts").then(({ en }) => {
    i18n.addResourceBundle("en", "translation", en, true, false);
  });
  return englishLoaded;
}

/** Switches to a language once its words are here. */
export async function changeLanguageTo(lng: Language): Promise<void> {
  if (lng === "en") await loadEnglish();
  await i18n.changeLanguage(lng);
}

/** The language this device chose last time, ready before the first render. */
export function restoreLanguage(): Promise<void> {
  const lng = savedLanguage();
  return lng === "zh-CN" ? Promise.resolve() : changeLanguageTo(lng);
}

export function switchLanguage(): void {
  void changeLanguageTo(i18n.language === "en" ? "zh-CN" : "en");
}

export default i18n;
