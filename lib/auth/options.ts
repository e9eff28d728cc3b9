/** next-auth configuration: email + password (Credentials), JWT sessions; GitHub/Google when configured. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { findUserByEmail, insertUser } from '@/db/queries/accounts';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { checkCredentials } from './accounts';
import { consumeLoginAttempt, resetLoginAttempts } from './rate-limit';

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
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase() ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) throw new Error(SIGN_IN_ERRORS.invalid);
        const limit = await consumeLoginAttempt(email, clientIpFromHeaders(req?.headers));
        if (!limit.allowed) throw new Error(SIGN_IN_ERRORS.throttled);
        const user = await checkCredentials(email, password);
        if (!user) throw new Error(SIGN_IN_ERRORS.invalid);
        await resetLoginAttempts(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      // OAuth users are matched to an account by their email; new ones get a user row without a password.
      if (account?.provider === 'credentials' || !user.email) return account?.provider === 'credentials';
      const existing = (await findUserByEmail(user.email)) ?? (await insertUser({ email: user.email, name: user.name, passwordHash: '' }));
      return Boolean(existing);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === 'credentials') token.uid = user.id;
      else if (user?.email) token.uid = (await findUserByEmail(user.email))?.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
};
