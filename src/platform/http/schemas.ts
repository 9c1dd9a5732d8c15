/** Schema pieces shared by many routes. */
import { Type } from "typebox";

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: "Stable error code, e.g. gig_full" }),
      message: Type.String({ description: "Message in the caller's language (Accept-Language)" }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: "ErrorResponse" },
);

export const Uuid = Type.String({ format: "uuid" });
export const IdParams = Type.Object({ id: Uuid });
/** Integer fen (分); ¥1 = 100 fen. */
export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000, description: "Amount in fen (分)" });
/** Rows to skip when paging; nobody pages this deep, they narrow the search instead. */
export const PageOffset = Type.Integer({ minimum: 0, maximum: 100_000 });
export const Timestamp = Type.String({ format: "date-time", description: "ISO 8601, UTC" });
export const Phone = Type.String({
  pattern: "^1[3-9][0-9]{9}$",
  description: "Mainland mobile number, 11 digits",
});
export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Standard error responses to list on a route. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;
