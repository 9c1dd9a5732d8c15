/**
 * antd's own words (pickers, tables, pagination) in the page's language. Chinese ships with the
 * first screen; English is fetched with the other English words (shared/i18n.ts), so it is here
 * before the first render for those who chose it and nobody else downloads it.
 */
import type { Locale } from "antd/es/locale";
import zhCN from "antd/locale/zh_CN";
import { useTranslation } from "react-i18next";
import { addEnglish } from "./i18n.ts";

let english: Locale | undefined;
addEnglish(() =>
  import("antd/locale/en_US").then((m) => {
    english = m.default;
    return {}; // nothing for i18next; its "added" event renders the faces again
  }),
);

/** The locale for antd's ConfigProvider. */
export function useAntdLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === "en" && english ? english : zhCN;
}
