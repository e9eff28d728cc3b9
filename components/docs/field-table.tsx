import type { ReactNode } from 'react';
import type { SchemaView } from '@/lib/openapi/schema-view';
import { RichText } from './rich-text';

/** The docs' name / type / description table (parameters, request and response fields). */
export function FieldTable({ caption, nameLabel, children }: { caption: string; nameLabel: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-gray-200">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-200 bg-gray-50 text-xs font-medium uppercase tracking-wide text-gray-500">
          <tr>
            <th scope="col" className="w-[30%] px-4 py-2">{nameLabel}</th>
            <th scope="col" className="w-[20%] px-4 py-2">Type</th>
            <th scope="col" className="px-4 py-2">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A field's description, allowed values and limits, then anything the caller adds (default, example). */
export function FieldDetails({ view, children }: { view: SchemaView; children?: ReactNode }) {
  return (
    <div className="space-y-1.5">
      {view.description ? <RichText text={view.description} className="block leading-relaxed" /> : null}
      {view.enumValues ? (
        <div className="flex flex-wrap items-center gap-1">
          <span className="text-xs text-gray-500">{view.enumValues.length === 1 ? 'Value:' : 'One of:'}</span>
          {view.enumValues.map((v) => (
            <code key={v} className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-xs text-indigo-700 ring-1 ring-inset ring-indigo-100">
              {v}
            </code>
          ))}
        </div>
      ) : null}
      {view.constraints.length ? <p className="text-xs text-gray-500">{view.constraints.join(' · ')}</p> : null}
      {children}
    </div>
  );
}
