import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { ParameterObject } from '@/lib/openapi/types';
import { FieldDetails, FieldTable } from './field-table';

export function ParametersTable({ parameters, viewer, caption }: { parameters: ParameterObject[]; viewer: SchemaViewer; caption: string }) {
  return (
    <FieldTable caption={caption} nameLabel="Name">
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
            <td className="px-4 py-3 text-gray-600">
              <FieldDetails view={{ ...view, description: p.description }}>
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
              </FieldDetails>
            </td>
          </tr>
        );
      })}
    </FieldTable>
  );
}
