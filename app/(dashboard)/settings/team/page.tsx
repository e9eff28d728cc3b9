import type { Metadata } from 'next';
import { listMembers } from '@/db/queries/accounts';
import { DataTable } from '@/components/ui/data-table';
import { requireSessionContext } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const { workspace } = await requireSessionContext('/settings/team');
  const members = await listMembers(workspace.id);
  return (
    <section className="max-w-3xl overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <h2 className="px-6 pt-5 text-base font-semibold text-gray-900">Members of {workspace.name}</h2>
      <DataTable className="mt-4" columns={[{ label: 'Member' }, { label: 'Role' }, { label: 'Joined' }]}>
        {members.map((m) => (
          <tr key={m.userId}>
            <td className="px-6 py-3">
              <span className="font-medium text-gray-900">{m.name ?? m.email}</span>
              {m.name ? <span className="block text-xs text-gray-500">{m.email}</span> : null}
            </td>
            <td className="px-3 py-3 capitalize text-gray-700">{m.role}</td>
            <td className="px-6 py-3 text-gray-500">{formatDateTime(m.joinedAt, workspace.timezone)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
