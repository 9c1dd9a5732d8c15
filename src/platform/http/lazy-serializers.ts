/**
 * Response serializers compiled on a route's first answer instead of all at start. Fastify
 * compiles one fast-json-stringify function per route and status when the server gets ready —
 * several hundred, about a second of a restart — though most routes answer nothing in the first
 * minutes. Each route now pays its own few milliseconds once, when first used; the functions are
 * the same ones (tested by every route test, which all go through them).
 */
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";

type Factory = ReturnType<typeof SerializerSelector>;

export function lazySerializers(): Factory {
  const eager = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = eager(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc) => {
        serialize ??= compile(route);
        return serialize(doc);
      };
    };
  };
}
