import type { Metadata } from 'next';
import { listMembers } from '@/db/queries/accounts';
import { listPendingInvitations } from '@/db/queries/team';
import type { Role } from '@/db/schema';
import { InvitationActions } from '@/components/team/invitation-actions';
import { InviteForm } from '@/components/team/invite-form';
import { LeaveWorkspaceButton, MemberActions, MemberRole } from '@/components/team/member-controls';
import { DataTable } from '@/components/ui/data-table';
import { ROLES, roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';
import {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from './actions';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const { workspace, role, user } = await requireSessionContext('/settings/team');
  const isAdmin = roleAtLeast(role, 'admin');
  const [members, invitations] = await Promise.all([listMembers(workspace.id), isAdmin ? listPendingInvitations(workspace.id) : []]);
  const owners = members.filter((m) => m.role === 'owner').length;
  // What the page offers mirrors lib/team's rules; the actions enforce them whatever the page shows.
  const manageable = (target: Role) => isAdmin && roleAtLeast(role, target);
  const assignable = ROLES.filter((r) => roleAtLeast(role, r)).reverse();
  const lastOwner = role === 'owner' && owners <= 1;

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_380px]">
      <div className="min-w-0 space-y-6">
        <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-labelledby="members-heading">
          <h2 id="members-heading" className="px-6 pt-5 text-base font-semibold text-gray-900">
            Members of {workspace.name}
          </h2>
          <p className="px-6 text-sm text-gray-500">
            {isAdmin ? 'Admins manage members at or below their own role; only owners make or unmake owners.' : 'Only admins and owners manage the team.'}
          </p>
          <DataTable className="mt-4" columns={[{ label: 'Member' }, { label: 'Role' }, { label: 'Joined' }, { label: 'Actions', right: true, hidden: true }]}>
            {members.map((m) => {
              const label = m.name ?? m.email;
              const self = m.userId === user.id;
              const canManage = !self && manageable(m.role) && !(m.role === 'owner' && owners <= 1);
              return (
                <tr key={m.userId}>
                  <td className="px-6 py-3">
                    <span className="font-medium text-gray-900">{label}</span>
                    {self ? <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">you</span> : null}
                    {m.name ? <span className="block text-xs text-gray-500">{m.email}</span> : null}
                  </td>
                  <td className="px-3 py-3">
                    <MemberRole label={label} role={m.role} roleOptions={canManage ? assignable : []} changeRole={canManage ? changeMemberRoleAction.bind(null, m.userId) : undefined} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-3 text-gray-500">{formatDateTime(m.joinedAt, workspace.timezone)}</td>
                  <td className="whitespace-nowrap px-6 py-3 text-right">
                    {self ? (
                      lastOwner ? (
                        <span className="text-xs text-gray-500">Last owner: transfer ownership to leave</span>
                      ) : (
                        <LeaveWorkspaceButton workspaceName={workspace.name} leave={leaveWorkspaceAction} />
                      )
                    ) : (
                      <MemberActions
                        label={label}
                        remove={canManage ? removeMemberAction.bind(null, m.userId) : undefined}
                        transfer={role === 'owner' && m.role !== 'owner' ? transferOwnershipAction.bind(null, m.userId) : undefined}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </section>

        {isAdmin ? (
          <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading" className="px-6 pt-5 text-base font-semibold text-gray-900">
              Pending invitations
            </h2>
            {invitations.length === 0 ? (
              <p className="px-6 pb-6 pt-2 text-sm text-gray-500">No pending invitations. Invite someone with the form.</p>
            ) : (
              <DataTable className="mt-4" columns={[{ label: 'E-mail' }, { label: 'Role' }, { label: 'Expires' }, { label: 'Actions', right: true, hidden: true }]}>
                {invitations.map((inv) => (
                  <tr key={inv.id}>
                    <td className="px-6 py-3">
                      <span className="font-medium text-gray-900">{inv.email}</span>
                      {inv.invitedByEmail ? <span className="block text-xs text-gray-500">by {inv.invitedByEmail}</span> : null}
                    </td>
                    <td className="px-3 py-3 capitalize text-gray-700">{inv.role}</td>
                    <td className="whitespace-nowrap px-3 py-3 text-gray-500">{formatDateTime(inv.expiresAt, workspace.timezone)}</td>
                    <td className="px-6 py-3 text-right">
                      {roleAtLeast(role, inv.role) ? (
                        <InvitationActions email={inv.email} resend={resendInvitationAction.bind(null, inv.id)} revoke={revokeInvitationAction.bind(null, inv.id)} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        ) : null}
      </div>
      {isAdmin ? <InviteForm invite={inviteMemberAction} canInviteOwners={role === 'owner'} /> : null}
    </div>
  );
}
