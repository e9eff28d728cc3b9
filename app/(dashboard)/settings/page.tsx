import type { Metadata } from 'next';
import { requireSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { workspace, role, user } = await requireSessionContext('/settings');
  const rows: [string, string][] = [
    ['Workspace', workspace.name],
    ['Slug', workspace.slug],
    ['Timezone', workspace.timezone],
    ['Your role', role],
    ['Signed in as', user.email],
  ];
  return (
    <dl className="max-w-2xl divide-y divide-gray-100 rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-4 px-6 py-4">
          <dt className="text-sm font-medium text-gray-500">{label}</dt>
          <dd className="col-span-2 text-sm text-gray-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
