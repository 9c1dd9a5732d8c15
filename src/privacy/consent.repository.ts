/** SQL for the legal documents and consent records. */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { consentRecords, type LegalDocumentKind, legalDocuments } from "../db/schema/index.ts";
import type { LegalText } from "./legal-texts.ts";

export type LegalDocumentRow = typeof legalDocuments.$inferSelect;
export type ConsentRow = typeof consentRecords.$inferSelect;

/** Adds versions not yet in the database; a published version is never rewritten. */
export async function insertMissingTexts(db: DbOrTx, texts: readonly LegalText[]): Promise<void> {
  await db
    .insert(legalDocuments)
    .values(texts.map((text) => ({ ...text, publishedAt: new Date(text.publishedAt) })))
    .onConflictDoNothing();
}

export async function latestDocument(db: DbOrTx, kind: LegalDocumentKind): Promise<LegalDocumentRow | null> {
  const [row] = await db
    .select()
    .from(legalDocuments)
    .where(eq(legalDocuments.kind, kind))
    .orderBy(desc(legalDocuments.version))
    .limit(1);
  return row ?? null;
}

export async function documentVersion(
  db: DbOrTx,
  kind: LegalDocumentKind,
  version: number,
): Promise<LegalDocumentRow | null> {
  const [row] = await db
    .select()
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), eq(legalDocuments.version, version)));
  return row ?? null;
}

export async function latestConsent(db: DbOrTx, userId: string): Promise<ConsentRow | null> {
  const [row] = await db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.userId, userId))
    .orderBy(desc(consentRecords.acceptedAt))
    .limit(1);
  return row ?? null;
}

export async function insertConsent(db: DbOrTx, row: typeof consentRecords.$inferInsert): Promise<void> {
  await db.insert(consentRecords).values(row);
}
