import type { Metadata } from 'next';
import { listOAuthAccountsForUser } from '@/db/queries/account-security';
import { findUserById } from '@/db/queries/accounts';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ConnectedAccounts } from '@/components/account/connected-accounts';
import { SetPasswordLink } from '@/components/account/set-password-link';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';
import { Alert } from '@/components/ui/alert';
import { OAUTH_REFUSAL_REASONS, oauthRefusalMessage, type OAuthRefusalReason } from '@/lib/auth/oauth';
import { configuredOAuthProviders, providerLabel } from '@/lib/auth/oauth-providers';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';
import { changePasswordAction, disconnectOAuthAction, sendPasswordLinkAction, signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

function Card({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${title}-heading`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 id={`${title}-heading`} className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      <p className="mt-1 text-sm text-gray-500">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** The result of a Connect round trip, from the query string it returned with. */
function connectNotice(params: Record<string, string | string[] | undefined>, linked: string[]) {
  const provider = typeof params.provider === 'string' ? params.provider : typeof params.connected === 'string' ? params.connected : '';
  if (typeof params.error === 'string' && OAUTH_REFUSAL_REASONS.includes(params.error as OAuthRefusalReason)) {
    return <Alert>{oauthRefusalMessage(params.error as OAuthRefusalReason, provider)}</Alert>;
  }
  if (typeof params.connected === 'string' && linked.includes(params.connected)) {
    return <Alert tone="success">{providerLabel(params.connected)} is connected. You can now sign in with it.</Alert>;
  }
  return null;
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, workspace } = await requireSessionContext('/settings/account');
  const [account, identities, params] = await Promise.all([findUserById(user.id), listOAuthAccountsForUser(user.id), searchParams]);
  const providers = configuredOAuthProviders();
  const notice = connectNotice(params, identities.map((i) => i.provider));
  return (
    <div className="grid max-w-5xl items-start gap-6 lg:grid-cols-2">
      <Card title="Password" description={`You sign in as ${user.email}.`}>
        {account?.passwordHash ? (
          <ChangePasswordForm action={changePasswordAction} />
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-gray-700">Your account has no password: you sign in with {identities.map((i) => providerLabel(i.provider)).join(' or ') || 'a connected account'}.</p>
            <SetPasswordLink action={sendPasswordLinkAction} />
          </div>
        )}
      </Card>
      <div className="space-y-6">
        <Card title="Connected accounts" description="Sign in with GitHub or Google as well. An identity is connected only from here, while you are signed in.">
          <div className="space-y-3">
            {notice}
            {providers.length > 0 ? (
              <ConnectedAccounts
                providers={providers}
                identities={identities.map((i) => ({ provider: i.provider, email: i.email, since: formatDateTime(i.createdAt, workspace.timezone) }))}
                disconnect={disconnectOAuthAction}
              />
            ) : (
              <p className="text-sm text-gray-500">
                GitHub and Google sign-in are off on this server. An operator turns them on with <code className="rounded bg-gray-100 px-1">GITHUB_ID</code>/
                <code className="rounded bg-gray-100 px-1">GITHUB_SECRET</code> or <code className="rounded bg-gray-100 px-1">GOOGLE_CLIENT_ID</code>/
                <code className="rounded bg-gray-100 px-1">GOOGLE_CLIENT_SECRET</code>.
              </p>
            )}
          </div>
        </Card>
        <Card title="Sessions" description="Lost a laptop, or signed in on a shared computer? End every session of your account at once.">
          <SignOutEverywhere action={signOutEverywhereAction} />
        </Card>
      </div>
    </div>
  );
}
