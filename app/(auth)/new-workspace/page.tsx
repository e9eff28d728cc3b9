import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { NewWorkspaceForm } from '@/components/auth/new-workspace-form';
import { getSignedInUser } from '@/lib/auth/session';
import { createWorkspaceAction } from './actions';

export const metadata: Metadata = { title: 'Create a workspace' };

/** Where a signed-in user without a workspace lands (theirs was deleted): the minimal onboarding. */
export default async function NewWorkspacePage() {
  const user = await getSignedInUser();
  if (!user) redirect('/sign-in?callbackUrl=%2Fnew-workspace');
  return (
    <AuthCard
      title="Create a workspace"
      subtitle={`Signed in as ${user.email}. A workspace holds your avatars, conversations and team.`}
      footer={<Link href="/api/auth/signout" className="font-semibold text-indigo-600 hover:text-indigo-500">Sign out</Link>}
    >
      <NewWorkspaceForm action={createWorkspaceAction} />
    </AuthCard>
  );
}
