import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { getSessionContext } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionContext()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Sign in to Confab"
      subtitle="See how people talk to your avatars."
      footer={
        <>
          New to Confab?{' '}
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-indigo-600 hover:text-indigo-500">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
