/** Request and response schemas of the bulk imports. */
import { Type } from "typebox";

export const ImportKindName = Type.Union(
  [Type.Literal("workers"), Type.Literal("employers"), Type.Literal("stations")],
  { description: "工人、用人单位、驿站" },
);
export const ImportKindParams = Type.Object({ kind: ImportKindName });

export const ImportInput = Type.Object(
  {
    fileName: Type.String({
      pattern: "\\.(xlsx|csv)$",
      maxLength: 200,
      description: "decides how the file is read",
    }),
    contentBase64: Type.String({ minLength: 1, maxLength: 28_000_000, description: "the file, base64" }),
    allOrNothing: Type.Optional(Type.Boolean({ description: "import nothing when any row fails" })),
  },
  { additionalProperties: false },
);

export const ImportReason = Type.Object({
  code: Type.String({ description: "stable code, e.g. credit_code_invalid" }),
  message: Type.String({ description: "the reason in the caller's language" }),
});

export const ImportRowOutcome = Type.Union(
  [
    Type.Literal("imported"),
    Type.Literal("existing"),
    Type.Literal("rejected"),
    Type.Literal("not_imported"),
  ],
  {
    description:
      "existing: already there, left as it is; not_imported: a good row of an all-or-nothing import that had rejected rows",
  },
);

export const ImportRowReport = Type.Object({
  row: Type.Integer({ description: "row number in the sheet; the header is row 1" }),
  label: Type.String({ description: "the row's name: a person's, an employer's, a station's" }),
  outcome: ImportRowOutcome,
  reasons: Type.Array(ImportReason),
});

export const ImportResult = Type.Object({
  kind: ImportKindName,
  rows: Type.Integer(),
  imported: Type.Integer(),
  alreadyThere: Type.Integer({ description: "rows already there (same phone, credit code or station name)" }),
  rolledBack: Type.Boolean({ description: "nothing was imported (all or nothing, with rejected rows)" }),
  report: Type.Array(ImportRowReport, { description: "every row, in the sheet's order" }),
  rejectsCsv: Type.Union([Type.String(), Type.Null()], {
    description: "the rejected rows as a .csv (UTF-8 with BOM) to fix and import again; null when none",
  }),
});
