import type { Metadata } from 'next';
import Link from 'next/link';
import { getServerSession } from 'next-auth';
import { findUserById } from '@/db/queries/accounts';
import { AuthCard } from '@/components/auth/auth-card';
import { AcceptInvitationButton, SwitchAccountButton } from '@/components/team/accept-invitation';
import { InvitedSignUpForm } from '@/components/team/invited-sign-up-form';
import { authOptions } from '@/lib/auth/options';
import { viewInvitation, type InvitationState } from '@/lib/team/accept';
import { invitationTokenSchema } from '@/lib/team/schemas';
import { acceptInvitationAction, signUpWithInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitation' };

const DEAD_LINKS: Record<Exclude<InvitationState, 'valid'>, { title: string; text: string }> = {
  unknown: { title: 'This invitation link is not valid', text: 'Check that you opened the whole link, or ask for a new invitation.' },
  expired: { title: 'This invitation has expired', text: 'Invitations are valid for 7 days. Ask an admin of the workspace to resend it.' },
  revoked: { title: 'This invitation was revoked', text: 'An admin of the workspace withdrew it. Ask them if you still need access.' },
  used: { title: 'This invitation has already been used', text: 'Each link works once. If it was you, sign in to reach the workspace.' },
};

const signInLink = (returnTo: string) => (
  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-indigo-600 hover:text-indigo-500">
    Sign in
  </Link>
);

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = invitationTokenSchema.safeParse(token);
  const view = parsed.success ? await viewInvitation(parsed.data) : { state: 'unknown' as const };
  const here = `/invite/${encodeURIComponent(token)}`;
  if (view.state !== 'valid' || !view.email || !view.workspaceName) {
    const dead = DEAD_LINKS[view.state as Exclude<InvitationState, 'valid'>] ?? DEAD_LINKS.unknown;
    return (
      <AuthCard title={dead.title} subtitle={view.workspaceName ? `Workspace: ${view.workspaceName}` : 'Confab invitation'} footer={<>Have an account? {signInLink('/overview')}</>}>
        <p className="text-sm text-gray-700">{dead.text}</p>
      </AuthCard>
    );
  }

  const userId = (await getServerSession(authOptions))?.user?.id;
  const user = userId ? await findUserById(userId) : null;
  const subtitle = `You are invited to join ${view.workspaceName} as ${view.role}.`;
  if (user && user.email !== view.email) {
    return (
      <AuthCard title="This invitation is for another account" subtitle={subtitle} footer={<>Invitations are tied to one e-mail address.</>}>
        <div className="space-y-4 text-sm text-gray-700">
          <p>
            It was sent to <strong>{view.email}</strong>, but you are signed in as <strong>{user.email}</strong>. Sign out, then sign in or sign up as {view.email} to accept it.
          </p>
          <SwitchAccountButton returnTo={here} />
        </div>
      </AuthCard>
    );
  }
  if (user) {
    return (
      <AuthCard title={`Join ${view.workspaceName}`} subtitle={subtitle} footer={<>Signed in as {user.email}</>}>
        <AcceptInvitationButton workspaceName={view.workspaceName} accept={acceptInvitationAction.bind(null, parsed.data)} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${view.workspaceName} on Confab`} subtitle={subtitle} footer={<>Already have an account for {view.email}? {signInLink(here)}</>}>
      <InvitedSignUpForm email={view.email} signUp={signUpWithInvitationAction.bind(null, parsed.data)} />
    </AuthCard>
  );
}
