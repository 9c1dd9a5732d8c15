/** City, districts and categories change rarely: fetched once per page load and shared by every screen. */

import { get } from "./api.ts";
import type { Category, Reference } from "./api-types.ts";
import i18n from "./i18n.ts";
import { useResource } from "./useResource.ts";

let cached: Promise<Reference> | null = null;
let source: () => Promise<Reference> = () => get<Reference>("/api/reference");

/**
 * Where the reference comes from: the kiosk asks with its device token, so what it shows is its
 * own city's (each city has its own categories and reference pay).
 */
export function readReferenceWith(fetcher: () => Promise<Reference>): void {
  source = fetcher;
  cached = null;
}

export function loadReference(): Promise<Reference> {
  cached ??= source().catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useReference() {
  return useResource(loadReference, []);
}

/** The category's name in the user's language; `fallbackZh` is what the API sent along, if anything. */
export function categoryName(reference: Reference | undefined, code: string, fallbackZh?: string): string {
  const category = reference?.categories.find((c: Category) => c.code === code);
  if (!category) return fallbackZh ?? code;
  return i18n.language === "en" ? category.nameEn : category.nameZh;
}

export function districtName(reference: Reference | undefined, code: string | null | undefined): string {
  if (!code) return "";
  return reference?.divisions.find((d) => d.code === code)?.name ?? code;
}
