/**
 * Runs before routing. For the API: a path that is not valid percent-encoded UTF-8 gets the API's error shape
 * (Next.js would answer its own HTML 400 page). For the dashboard: optimistic route protection, a visitor
 * without a session cookie is sent to sign-in and back after. Pages re-check.
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

function decodesAsUtf8(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/v1/')) {
    if (decodesAsUtf8(pathname)) return NextResponse.next();
    const error = { code: 'bad_request', message: 'The request path is not valid percent-encoded UTF-8' };
    return NextResponse.json({ error }, { status: 400 });
  }
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/v1/:path*', '/overview/:path*', '/transcripts/:path*', '/goals/:path*', '/sentiment/:path*', '/alerts/:path*', '/settings/:path*', '/avatars/:path*', '/dev/:path*'],
};
