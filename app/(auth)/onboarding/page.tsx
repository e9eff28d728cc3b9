import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { OnboardingForm } from '@/components/auth/onboarding-form';
import { SignOutLink } from '@/components/auth/sign-out-link';
import { getSessionContext, getSignedInUser } from '@/lib/auth/session';
import { createFirstWorkspaceAction } from './actions';

export const metadata: Metadata = { title: 'Name your workspace' };

/** Where a signed-in user without a workspace lands (new via GitHub/Google, or removed from every team). */
export default async function OnboardingPage() {
  if (await getSessionContext()) redirect('/overview');
  const user = await getSignedInUser();
  if (!user) redirect('/sign-in');
  return (
    <AuthCard title="Name your workspace" subtitle={`Signed in as ${user.email}. You will own this new workspace and can invite your team.`} footer={
        <>
          Not you? <SignOutLink />
        </>
      }
    >
      <OnboardingForm action={createFirstWorkspaceAction} />
    </AuthCard>
  );
}
