import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user?: { id?: string; tokenVersion?: number; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    /** The user's token version at sign-in; sessions of an older version are refused. */
    ver?: number;
  }
}
