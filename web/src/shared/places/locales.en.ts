/** English words of locales.ts, fetched only by those who read English (shared/i18n.ts). */
import type { Words } from "./locales.ts";

export const en: Words = {
  district: "District",
  township: "Township / sub-district",
  townshipPlaceholder: "Choose the township or sub-district",
  street: "Street and number",
  streetPlaceholder: "e.g. 301 Zhongshan East Road",
  locate: "Find on the map",
  pinRequired: "Tap “Find on the map” and confirm the pin first",
  precision: {
    address: "Placed by the address. Drag the pin if it is off.",
    township: "Street number not found: the pin is at the township's centre. Drag it to the place.",
    district: "Street number not found: the pin is at the district's centre. Drag it to the place.",
  },
  moved: "Pin moved; this is the place.",
  map: {
    label: "Map",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    pin: "Place pin, draggable",
    here: "You are here",
    loading: "Loading the map…",
    offline: "Base map: district boundaries (no 天地图 key configured)",
    tianditu: "Base map: 天地图",
  },
};
