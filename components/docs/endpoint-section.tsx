import { curlCommand, requestExamples, type OperationEntry } from '@/lib/openapi/operations';
import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { JsonSchema, OpenApiDocument } from '@/lib/openapi/types';
import { CodeBlock } from './code-block';
import { MethodBadge } from './method-badge';
import { ParametersTable } from './parameters-table';
import { ResponsesList } from './responses-list';
import { RichText } from './rich-text';
import { SchemaFields } from './schema-fields';

export function EndpointSection({ entry, origin, doc, viewer }: { entry: OperationEntry; origin: string; doc: OpenApiDocument; viewer: SchemaViewer }) {
  const { operation } = entry;
  const bodySchema = operation.requestBody?.content['application/json']?.schema as JsonSchema | undefined;
  const examples = requestExamples(operation);
  const curls = examples.length ? examples.map(([name, ex]) => ({ name, title: ex.summary, code: curlCommand(origin, entry, ex.value) })) : [{ name: 'request', title: 'Request', code: curlCommand(origin, entry) }];
  const headingId = `${entry.anchor}-title`;
  return (
    <article id={entry.anchor} aria-labelledby={headingId} className="scroll-mt-24 rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <header className="border-b border-gray-100 px-6 py-5">
        <div className="flex flex-wrap items-center gap-3">
          <MethodBadge method={entry.method} />
          <code className="break-all font-mono text-sm font-semibold text-gray-900">{entry.path}</code>
          <span className="ml-auto inline-flex items-center rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-600/20">
            scope: {operation['x-scope']}
          </span>
        </div>
        <h3 id={headingId} className="mt-3 text-lg font-semibold tracking-tight text-gray-900">
          {operation.summary}
        </h3>
        <p className="mt-1.5 max-w-3xl text-sm leading-relaxed text-gray-600">
          <RichText text={operation.description} />
        </p>
      </header>
      <div className="space-y-8 px-6 py-6">
        {operation.parameters?.length ? (
          <Block title="Parameters">
            <ParametersTable parameters={operation.parameters} viewer={viewer} caption={`Parameters of ${operation.summary}`} />
          </Block>
        ) : null}
        {bodySchema ? (
          <Block title="Request body" aside="application/json">
            <SchemaFields view={viewer.view(bodySchema)} caption={`Request body of ${operation.summary}`} />
          </Block>
        ) : null}
        <Block title={curls.length > 1 ? 'Example requests' : 'Example request'}>
          <div className="space-y-3">
            {curls.map((c) => (
              <CodeBlock key={c.name} title={c.title} code={c.code} copyLabel="Copy curl" />
            ))}
          </div>
        </Block>
        <Block title="Responses">
          <ResponsesList responses={operation.responses} doc={doc} viewer={viewer} caption={operation.summary} />
        </Block>
      </div>
    </article>
  );
}

function Block({ title, aside, children }: { title: string; aside?: string; children: React.ReactNode }) {
  return (
    <section>
      <div className="mb-3 flex items-baseline gap-2">
        <h4 className="text-sm font-semibold text-gray-900">{title}</h4>
        {aside ? <span className="font-mono text-xs text-gray-400">{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}
