import { PastDueBanner } from '@/components/billing/past-due-banner';
import { Sidebar } from '@/components/shell/sidebar';
import { requireSessionContext } from '@/components/shell/session-context';
import { findPastDue } from '@/lib/billing/overview';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, workspaces, role } = await requireSessionContext();
  // Owners see a failed payment on every page (no query while billing is off).
  const pastDue = role === 'owner' ? await findPastDue(workspace.id) : null;
  return (
    <div className="flex min-h-screen">
      <Sidebar
        user={{ email: user.email, name: user.name }}
        workspaces={workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role }))}
        currentWorkspaceId={workspace.id}
      />
      <div className="min-w-0 flex-1">
        {pastDue ? (
          <div className="px-8 pt-4">
            <PastDueBanner pastDue={pastDue} timezone={workspace.timezone} />
          </div>
        ) : null}
        {children}
      </div>
    </div>
  );
}
