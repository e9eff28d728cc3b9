/** Builds the OpenAPI 3.1 document of the /v1 API from the registry and the zod schemas. */
import { componentRef, convertComponentSchemas, parametersFrom } from './convert';
import { errorResponseComponents, errorResponseRef, headerComponents } from './error-responses';
import { registry, tags } from './registry';
import { EVENT_DESCRIPTIONS, sampleData, TEST_EVENT_TYPES } from '@/lib/webhooks/events';
import { eventComponentName } from './components';
import type { Endpoint, OpenApiDocument, OperationObject, Scope } from './types';

export const API_VERSION = '1.0.0';

const description = `Confab turns your avatars' conversations into analytics. Send conversations, messages, tool calls and events with an API key that has the \`ingest\` scope; read the dashboard's numbers with the \`read\` scope.

Errors always have the shape \`{ "error": { "code", "message", "details"? } }\`. A rejected request writes nothing, and every write is idempotent by your ids.`;

/** `admin` keys may do everything `read` and `ingest` keys may. */
const securityFor = (scope: Scope) => (scope === 'admin' ? [{ bearerAuth: ['admin'] }] : [{ bearerAuth: [scope] }, { bearerAuth: ['admin'] }]);

function operationOf(endpoint: Endpoint): OperationObject {
  const parameters = [
    ...(endpoint.pathParams ? parametersFrom(endpoint.pathParams, 'path', endpoint.paramDocs) : []),
    ...(endpoint.query ? parametersFrom(endpoint.query, 'query', endpoint.paramDocs) : []),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(endpoint.responses)) {
    const content: Record<string, unknown> = {};
    if (r.schema) content['application/json'] = { schema: { $ref: componentRef(r.schema) }, ...(r.example ? { example: r.example } : {}) };
    if (r.csv) content['text/csv'] = { schema: { type: 'string', description: 'A header row, then one row per match, streamed' } };
    responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  for (const status of endpoint.errors) responses[status] = errorResponseRef(status);
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    security: securityFor(endpoint.scope),
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: componentRef(endpoint.body.schema) }, examples: endpoint.body.examples } },
          },
        }
      : {}),
    responses,
    'x-scope': endpoint.scope,
  };
}

let schemas: OpenApiDocument['components']['schemas'] | undefined;

export const DELIVERY_NOTE =
  'Sent as `POST` with `content-type: application/json`, `user-agent: Confab-Webhooks/1` and the Standard Webhooks headers: `webhook-id` (the event id, the same on every attempt and redelivery — dedupe on it), `webhook-timestamp` (unix seconds of this attempt) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed by the base64-decoded secret after `whsec_`; space-separated, one per live secret). Answer any 2xx within 15 s; anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±10 %), `Retry-After` honoured on 429/503. 410 disables the endpoint.';

/** The events Confab sends to webhook endpoints (OpenAPI 3.1 `webhooks`), with a sample of each. */
function eventDocs(): NonNullable<OpenApiDocument['webhooks']> {
  const sampleAt = new Date('2025-05-01T12:00:00Z');
  return Object.fromEntries(
    TEST_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `event.${type}`,
          summary: type,
          description: `${EVENT_DESCRIPTIONS[type]} ${DELIVERY_NOTE}`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: componentRef(eventComponentName(type)) },
                example: { id: 'evt_3q2F0bX1c9Lk7Yw2', type, createdAt: sampleAt.toISOString(), data: sampleData(type, 'wh_Qm9nF1xR3a2b', sampleAt) },
              },
            },
          },
          responses: { '2XX': { description: 'Received; any 2xx acknowledges the delivery.' } },
        },
      },
    ]),
  );
}

/** The whole document; `origin` (e.g. `https://confab.example.com`) becomes the server URL. */
export function buildOpenApiDocument(origin: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of registry) {
    const item = (paths[endpoint.path] ??= {});
    if (item[endpoint.method]) throw new Error(`Duplicate operation ${endpoint.method.toUpperCase()} ${endpoint.path}`);
    item[endpoint.method] = operationOf(endpoint);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Confab API', version: API_VERSION, description },
    servers: [{ url: origin, description: 'This Confab deployment' }],
    tags,
    security: [{ bearerAuth: [] }],
    paths,
    webhooks: eventDocs(),
    components: {
      // The schemas never change while the process runs; converting them once is enough.
      schemas: (schemas ??= convertComponentSchemas()),
      responses: errorResponseComponents(),
      headers: headerComponents,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'cfk_…',
          description:
            'An API key from Settings › API keys, sent as `Authorization: Bearer cfk_…`. Keys carry scopes: `ingest` (write conversations), `read` (analytics and transcripts), `admin` (management; includes `ingest` and `read`).',
        },
      },
    },
  };
}
