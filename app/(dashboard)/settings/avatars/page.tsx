import type { Metadata } from 'next';
import { AvatarRow } from '@/components/settings/avatar-row';
import { CreateAvatarForm } from '@/components/settings/create-avatar-form';
import { DataTable } from '@/components/ui/data-table';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { listWorkspaceAvatars } from '@/lib/avatars/service';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Avatars' };

export default async function AvatarsPage() {
  const { workspace, role } = await requireSessionContext('/settings/avatars');
  const canEdit = roleAtLeast(role, 'admin');
  const avatars = await listWorkspaceAvatars(workspace.id);
  return (
    <div className={canEdit ? 'grid items-start gap-6 2xl:grid-cols-[1fr_380px]' : ''}>
      <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
        <h2 className="px-6 pt-5 text-base font-semibold text-gray-900">Avatars</h2>
        <p className="px-6 text-sm text-gray-500">
          The names the dashboards show for each <code className="rounded bg-gray-100 px-1">avatarId</code> your conversations send.
          {canEdit ? null : ' Admins and owners can rename them.'}
        </p>
        {avatars.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-gray-500">No avatars yet. They appear with their first conversation, or add one here.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <DataTable columns={[{ label: 'Name' }, { label: 'Avatar id' }, { label: 'Added' }, { label: 'Actions', right: true, hidden: true }]}>
              {avatars.map((avatar) => (
                <AvatarRow key={avatar.id} avatar={avatar} created={formatDateTime(avatar.createdAt, workspace.timezone)} canEdit={canEdit} />
              ))}
            </DataTable>
          </div>
        )}
      </section>
      {canEdit ? <CreateAvatarForm /> : null}
    </div>
  );
}
