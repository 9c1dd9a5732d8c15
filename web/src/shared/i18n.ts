/**
 * Simplified Chinese first, English second; the choice is remembered on this device.
 * Chinese ships with every first screen; English is its own chunks (the shared words here, each
 * face's and page's words registered with `addEnglish`), fetched before the first render for those
 * who chose it and on the switch for the others, so nobody downloads both.
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
  // Each face adds its Chinese words with addResourceBundle and its English with addEnglish (below).
  partialBundledLanguages: true,
  // A page loaded while English is on gets its words a moment later: render again when they arrive.
  react: { bindI18nStore: "added" },
});

i18n.on("languageChanged", (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;

type Words = Record<string, unknown>;
type EnglishSource = () => Promise<Words>;

/** The English words of every face and page loaded so far, fetched only once English is wanted. */
const englishSources: EnglishSource[] = [() => import("./locales/en.ts").then(({ en }) => en)];
const englishLoading = new Map<EnglishSource, Promise<void>>();
let englishWanted = false;

function loadSource(source: EnglishSource): Promise<void> {
  let loading = englishLoading.get(source);
  if (!loading) {
    loading = source().then(
      (words) => {
        i18n.addResourceBundle("en", "translation", words, true, false);
      },
      (error: unknown) => {
        englishLoading.delete(source); // a lost chunk is fetched again on the next try
        throw error;
      },
    );
    englishLoading.set(source, loading);
  }
  return loading;
}

/**
 * A module's English words, kept in their own chunk: `addEnglish(() => import("./x.en.ts").then(...))`.
 * Fetched at once when English is on, else when the person switches to it.
 */
export function addEnglish(source: EnglishSource): void {
  englishSources.push(source);
  if (englishWanted) loadSource(source).catch(() => undefined);
}

function loadEnglish(): Promise<void> {
  englishWanted = true;
  return Promise.all(englishSources.map(loadSource)).then(() => undefined);
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
