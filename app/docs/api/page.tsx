import type { Metadata } from 'next';
import { DocsHeader } from '@/components/docs/docs-header';
import { DocsIntro } from '@/components/docs/docs-intro';
import { DocsNav } from '@/components/docs/docs-nav';
import { EndpointSection } from '@/components/docs/endpoint-section';
import { EventsSection } from '@/components/docs/events-section';
import { RichText } from '@/components/docs/rich-text';
import { rateLimitPerSecond } from '@/lib/api/rate-limit';
import { requestOrigin } from '@/lib/http/origin';
import { API_VERSION, buildOpenApiDocument } from '@/lib/openapi/document';
import { groupOperationsByTag } from '@/lib/openapi/operations';
import { SchemaViewer } from '@/lib/openapi/schema-view';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'The Confab REST API: send conversations, messages, tool calls and events; read analytics.',
};

/** Public API reference, rendered from the same OpenAPI document that /v1/openapi.json serves. */
export default async function ApiReferencePage() {
  const origin = await requestOrigin();
  const doc = buildOpenApiDocument(origin);
  const groups = groupOperationsByTag(doc);
  const viewer = new SchemaViewer(doc.components.schemas);
  return (
    <div className="min-h-screen bg-gray-50">
      <DocsHeader version={API_VERSION} />
      <div className="mx-auto flex max-w-[90rem]">
        <aside className="sticky top-16 hidden h-[calc(100vh-4rem)] w-72 shrink-0 overflow-y-auto border-r border-gray-200 bg-white px-3 py-6 lg:block">
          <DocsNav groups={groups} events={Object.keys(doc.webhooks ?? {})} />
        </aside>
        <main className="min-w-0 flex-1 px-6 py-8 lg:px-10">
          <div className="mx-auto max-w-5xl space-y-12">
            <DocsIntro origin={origin} errorSchema={doc.components.schemas.Error} viewer={viewer} ratePerSecond={rateLimitPerSecond()} />
            {groups.map((group) => (
              <section key={group.name} id={group.anchor} aria-labelledby={`${group.anchor}-title`} className="scroll-mt-24 space-y-6">
                <div className="border-b border-gray-200 pb-3">
                  <h2 id={`${group.anchor}-title`} className="text-2xl font-semibold tracking-tight text-gray-900">
                    {group.name}
                  </h2>
                  <p className="mt-1 text-sm text-gray-500">
                    <RichText text={group.description} />
                  </p>
                </div>
                {group.operations.map((entry) => (
                  <EndpointSection key={entry.anchor} entry={entry} origin={origin} doc={doc} viewer={viewer} />
                ))}
              </section>
            ))}
            <EventsSection doc={doc} viewer={viewer} />
          </div>
        </main>
      </div>
    </div>
  );
}
