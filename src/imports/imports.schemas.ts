/** Request and response schemas of the bulk imports. */
import { Type } from "typebox";

export const WorkerImportInput = Type.Object(
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

export const ImportRejectedRow = Type.Object({
  row: Type.Integer({ description: "row number in the sheet; the header is row 1" }),
  values: Type.Record(Type.String(), Type.String()),
  reasons: Type.Array(Type.String(), { description: "stable code, a colon, the reason in Chinese" }),
});

export const WorkerImportResult = Type.Object({
  rows: Type.Integer(),
  imported: Type.Integer(),
  alreadyThere: Type.Integer({ description: "rows whose phone already has a worker profile in the city" }),
  rolledBack: Type.Boolean({ description: "nothing was imported (all or nothing, with rejected rows)" }),
  rejected: Type.Array(ImportRejectedRow),
  rejectsCsv: Type.Union([Type.String(), Type.Null()], {
    description: "the rejected rows as a .csv (UTF-8 with BOM) to fix and import again; null when none",
  }),
});
