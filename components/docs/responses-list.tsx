import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { JsonSchema, OpenApiDocument } from '@/lib/openapi/types';
import { CodeBlock } from './code-block';
import { RichText } from './rich-text';
import { SchemaFields } from './schema-fields';

type ResponseObject = { description: string; content?: Record<string, { schema?: JsonSchema; example?: unknown }> };

function resolve(doc: OpenApiDocument, response: unknown): ResponseObject & { name?: string } {
  const ref = (response as { $ref?: string }).$ref;
  if (!ref) return response as ResponseObject;
  const name = ref.split('/').pop()!;
  return { ...(doc.components.responses[name] as ResponseObject), name };
}

function StatusPill({ status }: { status: string }) {
  const ok = status.startsWith('2');
  return (
    <span className={`inline-flex w-12 shrink-0 justify-center rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${ok ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/20' : 'bg-amber-50 text-amber-800 ring-amber-600/20'}`}>
      {status}
    </span>
  );
}

export function ResponsesList({ responses, doc, viewer, caption }: { responses: Record<string, unknown>; doc: OpenApiDocument; viewer: SchemaViewer; caption: string }) {
  const entries = Object.entries(responses).map(([status, r]) => ({ status, ...resolve(doc, r) }));
  const success = entries.filter((e) => e.status.startsWith('2'));
  const errors = entries.filter((e) => !e.status.startsWith('2'));
  return (
    <div className="space-y-3">
      {success.map((r) => {
        const content = r.content?.['application/json'];
        return (
          <details key={r.status} className="group rounded-lg ring-1 ring-gray-200" open={success.length === 1}>
            <summary className="flex cursor-pointer list-none items-start gap-3 px-4 py-3 text-sm marker:hidden">
              <StatusPill status={r.status} />
              <RichText text={r.description} className="flex-1 text-gray-700" />
              {Object.keys(r.content ?? {}).length > 1 ? (
                <span className="shrink-0 font-mono text-xs text-gray-400">{Object.keys(r.content!).join(' · ')}</span>
              ) : null}
              {content?.schema ? <span className="shrink-0 text-xs font-medium text-indigo-600 group-open:hidden">Show fields</span> : null}
            </summary>
            {content?.schema ? (
              <div className="space-y-3 border-t border-gray-100 bg-gray-50/60 p-4">
                <SchemaFields view={viewer.view(content.schema)} caption={`${r.status} response of ${caption}`} mode="response" />
                {content.example !== undefined ? <CodeBlock title="Example response" code={JSON.stringify(content.example, null, 2)} /> : null}
              </div>
            ) : null}
          </details>
        );
      })}
      {errors.length ? (
        <ul className="divide-y divide-gray-100 rounded-lg ring-1 ring-gray-200">
          {errors.map((r) => (
            <li key={r.status} className="flex items-start gap-3 px-4 py-2.5 text-sm">
              <StatusPill status={r.status} />
              <span className="w-32 shrink-0 font-medium text-gray-900">{r.name}</span>
              <RichText text={r.description} className="text-gray-600" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
