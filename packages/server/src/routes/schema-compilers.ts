import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;
type Serializer = (data: unknown) => string;

/**
 * Fastify's own compilers (Ajv, fast-json-stringify), shared by every application this process builds: a route
 * schema is compiled once, not once per application. A deployment builds one; the test suite builds hundreds
 * (compiling ~110 routes' schemas was half the CPU of building one). Ajv keeps a compiled validator per schema
 * object and per set of options; serializers are kept here the same way.
 */
export function sharedSchemaCompilers(): CompilersFactory {
  return { buildValidator: validators, buildSerializer: serializers };
}

const validators = AjvCompiler();
const fastJsonStringify = SerializerSelector();
const serializerCompilers = new Map<string, ReturnType<SerializerFactory>>();

const serializers: SerializerFactory = (externalSchemas, options) => {
  const key = JSON.stringify([externalSchemas, options]);
  const found = serializerCompilers.get(key);
  if (found !== undefined) return found;
  const compile = fastJsonStringify(externalSchemas, options);
  // fast-json-stringify reads only the schema and the options (not the route, status or content type).
  const compiled = new WeakMap<object, Serializer>();
  const compiler: ReturnType<SerializerFactory> = (route) => {
    const schema: unknown = route.schema;
    if (typeof schema !== 'object' || schema === null) return compile(route) as Serializer;
    const serializer = compiled.get(schema) ?? (compile(route) as Serializer);
    compiled.set(schema, serializer);
    return serializer;
  };
  serializerCompilers.set(key, compiler);
  return compiler;
};
