import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import type { FieldView, SchemaView, VariantView } from '@/lib/openapi/schema-view';
import { FieldDetails, FieldTable } from './field-table';
import { RichText } from './rich-text';

/** A JSON Schema as a field table: nested objects and array items as indented rows, unions as variants. */
type Mode = 'request' | 'response';

/** `request` marks fields required or optional; `response` marks only the ones that may be missing. */
export function SchemaFields({ view, caption, mode = 'request' }: { view: SchemaView; caption: string; mode?: Mode }) {
  if (view.fields.length === 0 && view.variants.length === 0) {
    return (
      <p className="text-sm text-gray-600">
        <TypeLabel view={view} /> <RichText text={view.description} />
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {view.fields.length > 0 ? (
        <FieldTable caption={caption} nameLabel="Field">
          <FieldRows fields={view.fields} prefix="" depth={0} mode={mode} />
        </FieldTable>
      ) : null}
      {view.variants.length > 0 ? <Variants variants={view.variants} caption={caption} mode={mode} /> : null}
    </div>
  );
}

function FieldRows({ fields, prefix, depth, mode }: { fields: FieldView[]; prefix: string; depth: number; mode: Mode }) {
  return fields.map((field) => {
    const childPrefix = `${prefix}${field.name}${field.type.startsWith('array') ? '[]' : ''}.`;
    return (
      <Fragment key={field.name}>
        <tr className="align-top">
          <td className="px-4 py-3" style={{ paddingLeft: `${1 + depth * 1.25}rem` }}>
            <div className="font-mono text-[13px]">
              {prefix.split('.').filter(Boolean).map((part, i) => (
                <Fragment key={i}>
                  <span className="text-gray-400">{part}.</span>
                  <wbr />
                </Fragment>
              ))}
              <span className="font-semibold text-gray-900">{field.name}</span>
            </div>
            {mode === 'request' || !field.required ? (
              <div className={`mt-1 text-[11px] font-medium ${field.required ? 'text-rose-600' : 'text-gray-400'}`}>{field.required ? 'required' : 'optional'}</div>
            ) : null}
          </td>
          <td className="px-4 py-3">
            <TypeLabel view={field} />
          </td>
          <td className="px-4 py-3 text-gray-600">
            <FieldDetails view={field} />
          </td>
        </tr>
        <FieldRows fields={field.fields} prefix={childPrefix} depth={depth + 1} mode={mode} />
        {field.variants.length > 0 ? (
          <tr>
            <td colSpan={3} className="bg-gray-50/70 px-4 py-3" style={{ paddingLeft: `${1 + (depth + 1) * 1.25}rem` }}>
              <Variants variants={field.variants} caption={`${prefix}${field.name}`} mode={mode} />
            </td>
          </tr>
        ) : null}
      </Fragment>
    );
  });
}

function TypeLabel({ view }: { view: SchemaView }) {
  return (
    <span className="font-mono text-xs text-indigo-700">
      {view.type}
      {view.nullable ? <span className="text-gray-400"> | null</span> : null}
    </span>
  );
}

function Variants({ variants, caption, mode }: { variants: VariantView[]; caption: string; mode: Mode }) {
  return (
    <div className="space-y-2">
      <p className="text-xs font-medium uppercase tracking-wide text-gray-500">One of {variants.length}</p>
      {variants.map((variant, i) => (
        <details key={variant.title} open={i === 0 && variants.length <= 2} className="group rounded-lg bg-white ring-1 ring-gray-200">
          <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-sm font-medium text-gray-900 marker:hidden">
            <ChevronRight className="h-4 w-4 shrink-0 text-gray-400 transition group-open:rotate-90" aria-hidden="true" />
            <span className="font-mono text-[13px]">{variant.title}</span>
            {variant.description ? <RichText text={variant.description} className="truncate font-normal text-gray-500" /> : null}
          </summary>
          <div className="border-t border-gray-100 p-3">
            <SchemaFields view={variant} caption={`${caption}: ${variant.title}`} mode={mode} />
          </div>
        </details>
      ))}
    </div>
  );
}
