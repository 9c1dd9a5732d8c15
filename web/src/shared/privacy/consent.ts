/** What a sign-in screen needs for consent: the current documents, fetched when they are to be shown. */
import { get } from "../api.ts";
import type { LegalDocument, LegalVersions } from "../api-types.ts";

export const currentVersions = () => get<LegalVersions>("/api/legal/current");

export async function currentDocuments(): Promise<LegalDocument[]> {
  return Promise.all([get<LegalDocument>("/api/legal/terms"), get<LegalDocument>("/api/legal/privacy")]);
}
