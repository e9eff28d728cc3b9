import { Sidebar } from '@/components/shell/sidebar';
import { requireSessionContext } from '@/lib/auth/session';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, workspaces } = await requireSessionContext();
  return (
    <div className="flex min-h-screen">
      <Sidebar
        user={{ email: user.email, name: user.name }}
        workspaces={workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role }))}
        currentWorkspaceId={workspace.id}
      />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
