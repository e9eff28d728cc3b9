import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { ParameterObject } from '@/lib/openapi/types';
import { RichText } from './rich-text';

export function ParametersTable({ parameters, viewer, caption }: { parameters: ParameterObject[]; viewer: SchemaViewer; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-gray-200">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-xs font-medium uppercase tracking-wide text-gray-500">
          <tr>
            <th scope="col" className="w-[30%] px-4 py-2">Name</th>
            <th scope="col" className="w-[20%] px-4 py-2">Type</th>
            <th scope="col" className="px-4 py-2">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {parameters.map((p) => {
            const view = viewer.view(p.schema);
            return (
              <tr key={`${p.in}-${p.name}`} className="align-top">
                <td className="px-4 py-3">
                  <span className="font-mono text-[13px] font-semibold text-gray-900">{p.name}</span>
                  <div className="mt-1 flex items-center gap-2 text-[11px] font-medium">
                    <span className="text-gray-500">{p.in}</span>
                    <span className={p.required ? 'text-rose-600' : 'text-gray-400'}>{p.required ? 'required' : 'optional'}</span>
                  </div>
                </td>
                <td className="px-4 py-3 font-mono text-xs text-indigo-700">{view.type}</td>
                <td className="space-y-1.5 px-4 py-3 text-gray-600">
                  <RichText text={p.description} className="block leading-relaxed" />
                  {view.enumValues ? (
                    <div className="flex flex-wrap items-center gap-1">
                      <span className="text-xs text-gray-500">One of:</span>
                      {view.enumValues.map((v) => (
                        <code key={v} className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-xs text-indigo-700 ring-1 ring-inset ring-indigo-100">
                          {v}
                        </code>
                      ))}
                    </div>
                  ) : null}
                  {view.constraints.length ? <p className="text-xs text-gray-500">{view.constraints.join(' · ')}</p> : null}
                  {p.schema.default !== undefined ? (
                    <p className="text-xs text-gray-500">
                      Default: <code className="font-mono text-gray-700">{String(p.schema.default)}</code>
                    </p>
                  ) : null}
                  {p.example !== undefined ? (
                    <p className="text-xs text-gray-500">
                      Example: <code className="font-mono text-gray-700">{p.example}</code>
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
