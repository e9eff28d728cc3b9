/**
 * The session cookie itself, for the two places that must act on it outside next-auth's routes: reading who
 * is signed in while an OAuth callback runs (to link, not sign in), and re-issuing the cookie with the new
 * token version after a password change, so the session that changed it stays signed in.
 */
import { cookies } from 'next/headers';
import { decode, encode, type JWT } from 'next-auth/jwt';

/** next-auth's names: the `__Secure-` one when NEXTAUTH_URL is https. */
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const secret = () => process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? '';

/** The same session as `encoded` with another token version, valid for a full session lifetime from now. */
export async function withTokenVersion(encoded: string, tokenVersion: number, key = secret()): Promise<string | null> {
  const token = await decode({ token: encoded, secret: key }).catch(() => null);
  if (!token) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: { ...claims, ver: tokenVersion }, secret: key, maxAge: SESSION_MAX_AGE_SECONDS });
}

async function sessionCookie() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const cookie = jar.get(name);
    if (cookie?.value) return { jar, name, value: cookie.value };
  }
  return null;
}

/** The decoded session token of this request, unverified against the database (see findUserForToken). */
export async function readSessionToken(): Promise<JWT | null> {
  const cookie = await sessionCookie();
  return cookie ? decode({ token: cookie.value, secret: secret() }).catch(() => null) : null;
}

/** Inside a server action: replaces this request's session cookie by one carrying `tokenVersion`. */
export async function reissueSessionCookie(tokenVersion: number): Promise<boolean> {
  const cookie = await sessionCookie();
  const fresh = cookie ? await withTokenVersion(cookie.value, tokenVersion) : null;
  if (!cookie || !fresh) return false;
  cookie.jar.set(cookie.name, fresh, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: cookie.name.startsWith('__Secure-'),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return true;
}
