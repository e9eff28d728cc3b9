/** next-auth configuration: email + password (Credentials), JWT sessions; GitHub/Google when configured. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { findOAuthAccount } from '@/db/queries/account-security';
import { findUserById } from '@/db/queries/accounts';
import { checkCredentials } from './accounts';
import { resolveOAuthSignIn } from './oauth';
import { consumeLoginAttempt, resetLoginAttempts } from './rate-limit';
import { readSessionToken, SESSION_MAX_AGE_SECONDS } from './session-cookie';
import { findUserForToken } from './token-version';

export const SIGN_IN_ERRORS = {
  invalid: 'Wrong email or password',
  throttled: 'Too many sign-in attempts. Wait a few minutes and try again.',
} as const;

function oauthProviders() {
  const providers = [];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase() ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) throw new Error(SIGN_IN_ERRORS.invalid);
        const ip = clientIpFromHeaders(req?.headers);
        const limit = await consumeLoginAttempt(email, ip);
        if (!limit.allowed) throw new Error(SIGN_IN_ERRORS.throttled);
        const user = await checkCredentials(email, password);
        if (!user) throw new Error(SIGN_IN_ERRORS.invalid);
        await resetLoginAttempts(email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider === 'credentials') return true;
      if (account?.type !== 'oauth') return false;
      // Signed in already: this came from the Connect button, so it links rather than signs in.
      const signedIn = await findUserForToken(await readSessionToken());
      const outcome = await resolveOAuthSignIn({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email,
        emailVerified: (profile as { email_verified?: boolean } | undefined)?.email_verified,
        name: user.name,
        signedInUserId: signedIn?.id,
      });
      if (outcome.kind !== 'refused') return true;
      const query = new URLSearchParams({ error: outcome.reason, provider: account.provider });
      return signedIn ? `/settings/account?${query}` : `/sign-in?${query}`;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        // Sign-in: the token names our user and carries their token version (lib/auth/token-version.ts).
        const userId = account.provider === 'credentials' ? user.id : (await findOAuthAccount(account.provider, account.providerAccountId))?.userId;
        const row = userId ? await findUserById(userId) : null;
        if (!row) return {};
        return { ...token, sub: row.id, uid: row.id, ver: row.tokenVersion, email: row.email, name: row.name };
      }
      // Every later request: a token of an older version (signed out everywhere, password changed) loses its user.
      return (await findUserForToken(token)) ? token : {};
    },
    async session({ session, token }) {
      if (typeof token.uid !== 'string') return { expires: session.expires };
      if (session.user) {
        session.user.id = token.uid;
        session.user.tokenVersion = typeof token.ver === 'number' ? token.ver : 0;
      }
      return session;
    },
  },
};
