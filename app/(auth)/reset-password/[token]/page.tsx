import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetTokenState, type ResetTokenState } from '@/lib/auth/password-reset';
import { resetPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

const DEAD_LINKS: Record<Exclude<ResetTokenState, 'valid'>, { title: string; subtitle: string }> = {
  used: { title: 'This link was already used', subtitle: 'Each reset link works once. If you still need to reset your password, request a new link.' },
  expired: { title: 'This link has expired', subtitle: 'Reset links work for one hour. Request a new one and use it within the hour.' },
  unknown: { title: 'This link is not valid', subtitle: 'It may be incomplete: copy the whole link from the e-mail, or request a new one.' },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await resetTokenState(token);
  const footer = (
    <Link href="/sign-in" className="font-semibold text-indigo-600 hover:text-indigo-500">
      Back to sign in
    </Link>
  );
  if (state !== 'valid') {
    return (
      <AuthCard title={DEAD_LINKS[state].title} subtitle={DEAD_LINKS[state].subtitle} footer={footer}>
        <Link
          href="/forgot-password"
          className="block w-full rounded-md bg-indigo-600 px-3.5 py-2 text-center text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
        >
          Request a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" subtitle="Setting it signs your account out on every device." footer={footer}>
      <ResetPasswordForm token={token} action={resetPasswordAction} />
    </AuthCard>
  );
}
