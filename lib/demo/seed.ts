/** The demo workspace that `npm start` creates on first run and `npm run cli -- seed-demo` refreshes. */
import { ensureUserInWorkspace } from '@/lib/auth/accounts';

export const DEMO_USER = { email: 'demo@example.com', password: 'confab-demo-1' } as const;
export const DEMO_WORKSPACE = { slug: 'demo', name: 'Demo Workspace' } as const;

export type SeedDemoOptions = { conversations?: number; days?: number; log?: (line: string) => void };

/** Creates the demo user and workspace if missing (idempotent). */
export async function seedDemo(_options: SeedDemoOptions = {}) {
  const { user, workspace, created } = await ensureUserInWorkspace({
    email: DEMO_USER.email,
    password: DEMO_USER.password,
    slug: DEMO_WORKSPACE.slug,
    workspaceName: DEMO_WORKSPACE.name,
    role: 'owner',
  });
  return { userId: user.id, workspaceId: workspace.id, created };
}
