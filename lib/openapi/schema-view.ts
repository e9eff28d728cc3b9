/**
 * Turns a JSON Schema of the document into the tree the docs page draws as nested field tables:
 * `$ref`s resolved, nullable unions folded into a flag, unions of objects split into variants.
 */
import type { JsonSchema } from './types';

export type FieldView = {
  name: string;
  required: boolean;
} & SchemaView;

export type VariantView = { title: string } & SchemaView;

export type SchemaView = {
  /** Display type: `string`, `integer`, `array of object`, `string | number`, a component name… */
  type: string;
  nullable: boolean;
  description?: string;
  enumValues?: string[];
  /** Human-readable limits: `1–200 characters`, `≥ 0`, `at most 1,000 items`, `ISO 8601 date-time`. */
  constraints: string[];
  fields: FieldView[];
  variants: VariantView[];
};

const MAX_DEPTH = 8;
const num = (n: number) => n.toLocaleString('en-US');

function range(min: number | undefined, max: number | undefined, unit = ''): string | null {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${num(min)}${u}` : `${num(min)}–${num(max)}${u}`;
  if (max !== undefined) return `at most ${num(max)}${u}`;
  if (min !== undefined) return unit ? `at least ${num(min)}${u}` : `≥ ${num(min)}`;
  return null;
}

/** zod writes ±MAX_SAFE_INTEGER as the bounds of every `.int()`; they say nothing to a reader. */
const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n);

function constraintsOf(s: JsonSchema): string[] {
  const out = [
    range(s.minLength === 0 ? undefined : s.minLength, s.maxLength, 'characters'),
    // `≥ 0` alone is what every count says; only a real range is worth a line.
    s.minimum === 0 && bound(s.maximum) === undefined ? null : range(bound(s.minimum), bound(s.maximum)),
    range(s.minItems === 0 ? undefined : s.minItems, s.maxItems, 'items'),
  ];
  if (s.format === 'date-time') out.push('ISO 8601 date-time');
  else if (s.format) out.push(s.format);
  else if (s.pattern) out.push(`pattern ${s.pattern}`);
  return out.filter((c): c is string => c !== null);
}

const empty = (type: string, nullable = false): SchemaView => ({ type, nullable, constraints: [], fields: [], variants: [] });
const isNull = (s: JsonSchema) => s.type === 'null';
const refName = (ref: string) => ref.split('/').pop() ?? ref;

export class SchemaViewer {
  constructor(private readonly components: Record<string, JsonSchema>) {}

  resolve(schema: JsonSchema): JsonSchema {
    return schema.$ref ? (this.components[refName(schema.$ref)] ?? {}) : schema;
  }

  view(schema: JsonSchema, depth = 0): SchemaView {
    if (depth > MAX_DEPTH) return empty('object');
    if (schema.$ref) {
      const inner = this.view(this.resolve(schema), depth + 1);
      return { ...inner, description: schema.description ?? inner.description };
    }
    const members = schema.anyOf ?? schema.oneOf;
    if (members) return this.union(schema, members, depth);
    const base = { nullable: false, description: schema.description, constraints: constraintsOf(schema), fields: [], variants: [] };
    if (schema.enum) return { ...base, type: typeof schema.enum[0] === 'number' ? 'number' : 'enum', enumValues: schema.enum.map(String) };
    if (schema.const !== undefined) return { ...base, type: 'constant', enumValues: [String(schema.const)] };
    if (schema.type === 'array') {
      const items = this.view(schema.items ?? {}, depth + 1);
      return { ...items, nullable: false, enumValues: items.enumValues, type: `array of ${items.type}`, description: schema.description, constraints: [...constraintsOf(schema), ...items.constraints] };
    }
    if (schema.type === 'object' || schema.properties) return { ...base, type: schema.properties ? 'object' : 'object (any JSON)', fields: this.fields(schema, depth) };
    if (schema.type === undefined) return { ...base, type: 'any JSON' };
    if (Array.isArray(schema.type)) {
      const types = schema.type.filter((t) => t !== 'null');
      return { ...base, type: types.join(' | '), nullable: types.length < schema.type.length };
    }
    return { ...base, type: schema.type };
  }

  private fields(schema: JsonSchema, depth: number): FieldView[] {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties ?? {}).map(([name, prop]) => ({ name, required: required.has(name), ...this.view(prop, depth + 1) }));
  }

  private union(schema: JsonSchema, members: JsonSchema[], depth: number): SchemaView {
    const nullable = members.some(isNull);
    const options = members.filter((m) => !isNull(m));
    if (options.length === 1) {
      const inner = this.view(options[0], depth + 1);
      return { ...inner, nullable: nullable || inner.nullable, description: schema.description ?? inner.description };
    }
    const views = options.map((m) => ({ schema: m, view: this.view(m, depth + 1) }));
    const objects = views.filter((v) => v.view.fields.length > 0);
    const type = [...new Set(views.map((v) => (v.view.fields.length ? 'object' : v.view.type)))].join(' | ');
    const base = { type, nullable, description: schema.description, constraints: [...new Set(views.flatMap((v) => v.view.constraints))], fields: [], variants: [] };
    // One object among scalars (e.g. feedback: a label, a rating, or `{ rating, value }`): show its fields directly.
    if (objects.length === 1) return { ...base, fields: objects[0].view.fields };
    return { ...base, type: objects.length === views.length ? 'one of' : type, variants: objects.map((v, i) => ({ title: this.variantTitle(v.schema, v.view, i), ...v.view })) };
  }

  private variantTitle(schema: JsonSchema, view: SchemaView, index: number): string {
    const discriminator = view.fields.find((f) => f.type === 'constant');
    if (discriminator) return `${discriminator.name}: "${discriminator.enumValues?.[0]}"`;
    if (schema.$ref) return refName(schema.$ref);
    return `Option ${index + 1}`;
  }
}
