/** The slice of OpenAPI 3.1 / JSON Schema 2020-12 this module writes and the docs page reads. */
import type { z } from 'zod';
import type { SchemaName } from './components';

export type JsonSchema = {
  $ref?: string;
  $schema?: string;
  $id?: string;
  type?: string | string[];
  description?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  examples?: unknown[];
  [keyword: string]: unknown;
};

export type ParameterObject = { name: string; in: 'path' | 'query' | 'header'; required: boolean; description: string; schema: JsonSchema; example?: string };
/** What a zod schema cannot say about a path or query parameter. */
export type ParamDocs = Record<string, { description?: string; example?: string }>;

export type Scope = 'ingest' | 'read' | 'admin';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Error statuses with a shared response component (see errors.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

export type Example = { summary: string; value: unknown };

/** One operation of the API: what the registry holds and the document and the docs page are built from. */
export type Endpoint = {
  method: HttpMethod;
  /** OpenAPI style, `{id}` for a path parameter. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Markdown-light: `code` spans only. */
  description: string;
  scope: Scope;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Descriptions (where the schema has none) and example values of path/query parameters; the curl examples use the latter. */
  paramDocs?: ParamDocs;
  body?: { schema: SchemaName; examples: Record<string, Example> };
  /** `csv`: the status may also answer `text/csv` (an export). */
  responses: Record<number, { description: string; schema?: SchemaName; example?: unknown; csv?: boolean }>;
  errors: ErrorStatus[];
};

export type OperationObject = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; examples: Record<string, Example> }> };
  responses: Record<string, unknown>;
  'x-scope': Scope;
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; contact?: Record<string, string> };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  /** The requests Confab makes to webhook endpoints, by event type. */
  webhooks?: Record<string, { post: Record<string, unknown> }>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
};
