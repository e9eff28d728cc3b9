import { DELIVERY_NOTE } from '@/lib/openapi/document';
import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { JsonSchema, OpenApiDocument } from '@/lib/openapi/types';
import { EVENT_DESCRIPTIONS, type TestEventType } from '@/lib/webhooks/events';
import { CodeBlock } from './code-block';
import { RichText } from './rich-text';
import { SchemaFields } from './schema-fields';

type EventOperation = { summary: string; description: string; requestBody: { content: { 'application/json': { schema: JsonSchema; example: unknown } } } };

export const EVENTS_ANCHOR = 'webhook-events';
export const eventAnchor = (type: string) => `event-${type.replaceAll('.', '-')}`;

/** The document's `webhooks`: what Confab POSTs to an endpoint, one card per event type. */
export function EventsSection({ doc, viewer }: { doc: OpenApiDocument; viewer: SchemaViewer }) {
  const events = Object.entries(doc.webhooks ?? {}).map(([type, item]) => ({ type, op: item.post as unknown as EventOperation }));
  return (
    <section id={EVENTS_ANCHOR} aria-labelledby={`${EVENTS_ANCHOR}-title`} className="scroll-mt-24 space-y-6">
      <div className="border-b border-gray-200 pb-3">
        <h2 id={`${EVENTS_ANCHOR}-title`} className="text-2xl font-semibold tracking-tight text-gray-900">
          Webhook events
        </h2>
        <p className="mt-1 text-sm text-gray-500">
          <RichText text={`What Confab sends to the endpoints of \`/v1/webhooks\`: every event is \`{ id, type, createdAt, data }\`. ${DELIVERY_NOTE}`} />
        </p>
      </div>
      {events.map(({ type, op }) => {
        const body = op.requestBody.content['application/json'];
        return (
          <article key={type} id={eventAnchor(type)} aria-labelledby={`${eventAnchor(type)}-title`} className="scroll-mt-24 rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
            <header className="border-b border-gray-100 px-6 py-5">
              <code id={`${eventAnchor(type)}-title`} className="font-mono text-base font-semibold text-gray-900">
                {type}
              </code>
              <p className="mt-1.5 max-w-3xl text-sm leading-relaxed text-gray-600">
                <RichText text={EVENT_DESCRIPTIONS[type as TestEventType] ?? op.description} />
              </p>
            </header>
            <div className="grid gap-6 px-6 py-6 xl:grid-cols-2">
              <SchemaFields view={viewer.view(body.schema)} caption={`Fields of ${type}`} mode="response" />
              <CodeBlock title="Example" code={JSON.stringify(body.example, null, 2)} />
            </div>
          </article>
        );
      })}
    </section>
  );
}
