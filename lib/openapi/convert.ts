/** zod → JSON Schema (input side, JSON Schema 2020-12 — the dialect of OpenAPI 3.1) for the document. */
import { z } from 'zod';
import { componentDescriptions, fieldDescriptions } from './field-descriptions';
import { componentSchemas, type SchemaName } from './components';
import type { JsonSchema, ParamDocs, ParameterObject } from './types';

export const componentRef = (name: SchemaName) => `#/components/schemas/${name}`;

const params = { io: 'input', unrepresentable: 'any' } as const;

/** Drops what belongs to a standalone JSON Schema document, not to an OpenAPI component. */
function stripDocumentKeys(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Splices `anyOf: [{ anyOf: [a, b] }, null]` (a nullish union) into `anyOf: [a, b, null]`, everywhere below `schema`. */
function flattenNestedAnyOf(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(flattenNestedAnyOf);
  if (typeof schema !== 'object' || schema === null) return;
  for (const value of Object.values(schema)) flattenNestedAnyOf(value);
  const s = schema as JsonSchema;
  if (s.anyOf) s.anyOf = s.anyOf.flatMap((member) => (member.anyOf && Object.keys(member).length === 1 ? member.anyOf : [member]));
}

/** The object schemas a path segment can continue in: the schema itself, its array items, its union members (not `$ref`s). */
function objectBranches(schema: JsonSchema): JsonSchema[] {
  if (schema.properties) return [schema];
  if (schema.items) return objectBranches(schema.items);
  return (schema.anyOf ?? schema.oneOf ?? []).flatMap(objectBranches);
}

/**
 * Sets `description` on the field at `path` (in every union member that has it) unless it has one;
 * returns false when no such field exists.
 */
export function describeField(schema: JsonSchema, path: string, description: string): boolean {
  const [head, ...rest] = path.split('.');
  let found = false;
  for (const branch of objectBranches(schema)) {
    const field = branch.properties?.[head];
    if (!field) continue;
    if (rest.length > 0) found = describeField(field, rest.join('.'), description) || found;
    else {
      field.description ??= description;
      found = true;
    }
  }
  return found;
}

/** components.schemas: every named schema converted, cross-referencing each other by `$ref`. */
export function convertComponentSchemas(): Record<SchemaName, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(componentSchemas)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, { ...params, uri: (id) => componentRef(id as SchemaName) });
  if ('__shared' in schemas) throw new Error('A schema registered with .meta({ id }) elsewhere leaked into the document');
  const out = {} as Record<SchemaName, JsonSchema>;
  for (const name of Object.keys(componentSchemas) as SchemaName[]) {
    const schema = stripDocumentKeys(schemas[name] as JsonSchema);
    flattenNestedAnyOf(schema);
    schema.description ??= componentDescriptions[name];
    for (const [path, text] of Object.entries(fieldDescriptions[name] ?? {})) {
      if (!describeField(schema, path, text)) throw new Error(`fieldDescriptions.${name} describes \`${path}\`, which the schema does not have`);
    }
    out[name] = schema;
  }
  return out;
}

/** One OpenAPI parameter per field of a zod object (path or query), required as the schema says. */
export function parametersFrom(schema: z.ZodObject, location: 'path' | 'query', docs: ParamDocs = {}): ParameterObject[] {
  const json = stripDocumentKeys(z.toJSONSchema(schema, params) as JsonSchema);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, field]) => {
    const { description, ...fieldSchema } = field;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      description: description ?? docs[name]?.description ?? '',
      schema: fieldSchema,
      ...(docs[name]?.example !== undefined ? { example: docs[name].example } : {}),
    };
  });
}
