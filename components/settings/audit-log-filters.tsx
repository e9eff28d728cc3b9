/** The audit log's filters: a plain GET form, so the URL holds them and the page works without script. */
import Link from 'next/link';
import { SelectField, Field } from '@/components/ui/field';
import type { AuditLogFilters } from '@/db/queries/audit-log-page';

export type ActorOption = { value: string; label: string };

export function AuditLogFilterForm({ filters, actors, actions }: { filters: AuditLogFilters; actors: ActorOption[]; actions: string[] }) {
  const actor = filters.actor ? `${filters.actor.type}:${filters.actor.id}` : '';
  return (
    <form method="get" action="/settings/audit-log" aria-label="Filter the audit log" className="flex flex-wrap items-start gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <SelectField label="Actor" name="actor" defaultValue={actor} className="w-64">
        <option value="">Anyone</option>
        {actors.map((a) => (
          <option key={a.value} value={a.value}>{a.label}</option>
        ))}
      </SelectField>
      <SelectField label="Action" name="action" defaultValue={filters.action ?? ''} className="w-56">
        <option value="">Any action</option>
        {actions.map((a) => (
          <option key={a} value={a}>{a}</option>
        ))}
      </SelectField>
      <Field label="From" name="from" type="date" defaultValue={filters.from ?? ''} className="w-40" />
      <Field label="To" name="to" type="date" defaultValue={filters.to ?? ''} className="w-40" />
      <div className="flex gap-2 self-end">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">Apply</button>
        <Link href="/settings/audit-log" className="rounded-md px-3 py-2 text-sm font-semibold text-gray-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50">Clear</Link>
      </div>
    </form>
  );
}
