import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getWorkspaceSettings } from '@/db/queries/workspaces';
import { DeleteWorkspaceForm } from '@/components/settings/delete-workspace-form';
import { WorkspaceSettingsForm } from '@/components/settings/workspace-settings-form';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { supportedTimeZones } from '@/lib/workspaces/schemas';
import { deleteWorkspaceAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { workspace, role, user } = await requireSessionContext('/settings');
  const settings = await getWorkspaceSettings(workspace.id);
  if (!settings) notFound();
  const rows: [string, string][] = [
    ['Slug', workspace.slug],
    ['Your role', role],
    ['Signed in as', user.email],
  ];
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,42rem)_minmax(0,22rem)]">
      <div className="space-y-6">
        <WorkspaceSettingsForm settings={settings} timeZones={supportedTimeZones()} canEdit={roleAtLeast(role, 'admin')} />
        {role === 'owner' ? <DeleteWorkspaceForm slug={workspace.slug} name={workspace.name} action={deleteWorkspaceAction} /> : null}
      </div>
      <dl className="divide-y divide-gray-100 rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-label="About you and this workspace">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 px-5 py-3">
            <dt className="whitespace-nowrap text-sm font-medium text-gray-500">{label}</dt>
            <dd className="min-w-0 truncate text-sm text-gray-900" title={value}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
