/**
 * Response serializers and request validators compiled on a route's first use instead of all at
 * start. Fastify compiles one fast-json-stringify function per route and status, and one Ajv
 * validator per route and request part, when the server gets ready — several hundred of each,
 * most of a second of a restart — though most routes are asked nothing in the first minutes. Each
 * route now pays its own few milliseconds once, when first used; the functions are the same ones
 * (tested by every route test, which all go through them; test/response-schemas.test.ts compiles
 * them all eagerly, so a schema mistake still fails CI).
 */
import { AjvCompiler } from "@fastify/ajv-compiler";
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";

type SerializerFactory = ReturnType<typeof SerializerSelector>;

export function lazySerializers(): SerializerFactory {
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

type ValidatorFactory = ReturnType<typeof AjvCompiler>;
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };

/**
 * Fastify's own Ajv compiler (the same options and formats), each validator compiled when its route
 * is first asked. Fastify reads a validator's `errors` after a failed call, and passes the parent
 * object to one that carries Ajv's `schemaEnv`, so that coercion may replace a whole request part:
 * both are read through to the compiled function.
 */
export function lazyValidators(): ValidatorFactory {
  const eager = AjvCompiler();
  return ((externalSchemas: Parameters<ValidatorFactory>[0], options: Parameters<ValidatorFactory>[1]) => {
    const compile = eager(externalSchemas, options);
    return (route: Parameters<ReturnType<ValidatorFactory>>[0]) => {
      let compiled: Validate | undefined;
      const validator = () => {
        compiled ??= compile(route) as Validate;
        return compiled;
      };
      const validate = ((data: unknown, context?: unknown) => validator()(data, context)) as Validate;
      Object.defineProperties(validate, {
        errors: { get: () => validator().errors },
        schemaEnv: { get: () => validator().schemaEnv },
      });
      return validate;
    };
  }) as ValidatorFactory;
}
