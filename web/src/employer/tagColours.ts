/**
 * Tag colours for the portal. antd's light presets (gold, green, orange on a pale ground) fall below
 * WCAG AA contrast, so status tags are solid with white text, each colour at least 4.5:1.
 */
export const TAG = {
  neutral: "#595959",
  info: "#0958d9",
  good: "#237804",
  warn: "#ad4e00",
  bad: "#a8071a",
} as const;
