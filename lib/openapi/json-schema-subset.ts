/**
 * A validator for the subset of JSON Schema 2020-12 that zod emits for our payloads. The tests use it
 * to show that a converted schema rejects what its zod schema rejects; it is not a general validator
 * (no $dynamicRef, if/then, dependent schemas…) and throws on keywords it does not know.
 */
import type { JsonSchema } from './types';

const KNOWN = new Set([
  '$ref', 'type', 'description', 'format', 'pattern', 'enum', 'const', 'properties', 'required', 'additionalProperties',
  'propertyNames', 'items', 'anyOf', 'oneOf', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'examples', 'default',
]);

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

export function matchesJsonSchema(schema: JsonSchema, value: unknown, components: Record<string, JsonSchema>): boolean {
  const unknownKeyword = Object.keys(schema).find((k) => !KNOWN.has(k));
  if (unknownKeyword) throw new Error(`Unsupported JSON Schema keyword: ${unknownKeyword}`);
  const check = (s: JsonSchema, v: unknown) => matchesJsonSchema(s, v, components);

  if (schema.$ref) return check(components[schema.$ref.split('/').pop()!], value);
  if (schema.anyOf && !schema.anyOf.some((s) => check(s, value))) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => check(s, value)).length !== 1) return false;
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) return false;
    if (schema.maxLength !== undefined && length > schema.maxLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    if (schema.items && !value.every((item) => check(schema.items!, item))) return false;
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    if (schema.required?.some((key) => !(key in object))) return false;
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) {
        if (!check(property, item)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (typeof schema.additionalProperties === 'object' && !check(schema.additionalProperties, item)) return false;
      if (schema.propertyNames && !check(schema.propertyNames, key)) return false;
    }
  }
  return true;
}
