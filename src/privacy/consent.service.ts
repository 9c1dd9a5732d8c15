/**
 * Consent (知情同意): nobody signs in as a worker or employer, and nobody is registered at a
 * counter, without accepting the current 用户协议 and 隐私政策. A new version of either asks
 * everyone again at their next sign-in: the sign-in answers `consent_required` (naming the
 * versions) and leaves the code unused, so the same code signs in once they accept.
 */
import type { DbOrTx } from "../db/client.ts";
import type { ConsentChannel, LegalDocumentKind } from "../db/schema/index.ts";
import type { Lang } from "../platform/errors.ts";
import {
  insertConsent,
  insertMissingTexts,
  type LegalDocumentRow,
  latestConsent,
  latestDocument,
} from "./consent.repository.ts";
import { LEGAL_TEXTS } from "./legal-texts.ts";
import { privacyErrors } from "./privacy.errors.ts";

export interface ConsentVersions {
  termsVersion: number;
  privacyVersion: number;
}

/** Called at start with the reference data: publishes the shipped texts that are not there yet. */
export async function ensureLegalDocuments(db: DbOrTx): Promise<void> {
  await insertMissingTexts(db, LEGAL_TEXTS);
}

async function latestOf(db: DbOrTx, kind: LegalDocumentKind): Promise<LegalDocumentRow> {
  const row = await latestDocument(db, kind);
  if (!row) throw privacyErrors.legal_document_not_found();
  return row;
}

export async function currentVersions(db: DbOrTx): Promise<ConsentVersions> {
  const [terms, privacy] = await Promise.all([latestOf(db, "terms"), latestOf(db, "privacy")]);
  return { termsVersion: terms.version, privacyVersion: privacy.version };
}

/** The latest version of a document in the reader's language. */
export async function readDocument(db: DbOrTx, kind: LegalDocumentKind, lang: Lang) {
  const row = await latestOf(db, kind);
  const en = lang === "en";
  return {
    kind,
    version: row.version,
    title: en ? row.titleEn : row.titleZh,
    body: en ? row.bodyEn : row.bodyZh,
    publishedAt: row.publishedAt.toISOString(),
  };
}

const sameVersions = (a: ConsentVersions, b: ConsentVersions) =>
  a.termsVersion === b.termsVersion && a.privacyVersion === b.privacyVersion;

/**
 * Whether a sign-in may go ahead: the person accepted the current versions before, or accepts
 * them now (`given`, read from the screen that showed them). Returns the versions to record when
 * they are accepted now; throws `consent_required` otherwise.
 */
export async function consentAtSignIn(
  db: DbOrTx,
  userId: string | null,
  given: ConsentVersions | undefined,
): Promise<ConsentVersions | null> {
  const current = await currentVersions(db);
  if (given && sameVersions(given, current)) return current;
  const last = userId ? await latestConsent(db, userId) : null;
  if (last && sameVersions(last, current)) return null;
  throw privacyErrors.consent_required({ ...current });
}

export async function recordConsent(
  db: DbOrTx,
  entry: ConsentVersions & {
    userId: string;
    cityCode: string;
    channel: ConsentChannel;
    recordedBy?: string | null;
    at: Date;
  },
): Promise<void> {
  await insertConsent(db, {
    userId: entry.userId,
    cityCode: entry.cityCode,
    termsVersion: entry.termsVersion,
    privacyVersion: entry.privacyVersion,
    channel: entry.channel,
    recordedBy: entry.recordedBy ?? null,
    acceptedAt: entry.at,
  });
}
