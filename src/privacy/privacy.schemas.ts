import { Type } from "typebox";
import { Timestamp } from "../platform/http/schemas.ts";

export const LegalKind = Type.Union([Type.Literal("terms"), Type.Literal("privacy")]);
export const LegalKindParams = Type.Object({ kind: LegalKind });

/** The latest version of the 用户协议 or 隐私政策 in the reader's language. */
export const LegalDocument = Type.Object({
  kind: LegalKind,
  version: Type.Integer(),
  title: Type.String(),
  /** Paragraphs separated by a blank line; a line starting with "## " is a heading. */
  body: Type.String(),
  publishedAt: Timestamp,
});

/** The versions a sign-in screen sends back as accepted. */
export const LegalVersions = Type.Object({ termsVersion: Type.Integer(), privacyVersion: Type.Integer() });

/** 我的数据: everything held about the person, one section per kind. */
export const MyData = Type.Object({
  generatedAt: Timestamp,
  sections: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.String(),
      rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
});

export const CloseAccountBody = Type.Object(
  {
    confirmation: Type.String({
      maxLength: 20,
      description: "The word 注销 (or close), typed by the person",
    }),
  },
  { additionalProperties: false },
);
export const AccountClosed = Type.Object({ closed: Type.Literal(true), closedAt: Timestamp });
