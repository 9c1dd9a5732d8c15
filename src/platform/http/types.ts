import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { MatchingIndexes } from "../../matching/matching.indexes.ts";
import type { KnownCities } from "../../reference/known-cities.ts";
import type { AppContext } from "../context.ts";

/** The Fastify instance every route module receives. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
    /** The instance's in-memory indexes of open gigs and workers (matching, browsing). */
    matching: MatchingIndexes;
    /** The deployment's cities, kept in memory (src/reference/known-cities.ts). */
    cities: KnownCities;
  }
}
