/** Optimistic route protection: a visitor without a session cookie is sent to sign-in and back after. Pages re-check. */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/overview/:path*', '/transcripts/:path*', '/goals/:path*', '/sentiment/:path*', '/alerts/:path*', '/settings/:path*', '/avatars/:path*'],
};
