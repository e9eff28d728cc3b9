/**
 * Runs before routing. A path that is not valid percent-encoded UTF-8 names nothing: the API answers its
 * error shape, pages a plain 400 (Next.js would answer the API with an HTML page and fail a page's
 * parameters with a 500). Then, for the dashboard: optimistic route protection, a visitor without a session
 * cookie is sent to sign-in and back after. Pages re-check. Public pages with path parameters (invitations,
 * password resets, digest unsubscribe links) are matched only for the encoding check.
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
  if (!decodesAsUtf8(pathname)) {
    const message = 'The request path is not valid percent-encoded UTF-8';
    if (pathname.startsWith('/v1/')) return NextResponse.json({ error: { code: 'bad_request', message } }, { status: 400 });
    return new NextResponse(`<!DOCTYPE html><meta charset="utf-8"><title>Bad request</title><p>${message}. Check the link.</p>`, {
      status: 400,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
  if (pathname.startsWith('/v1/') || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  url.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

const PUBLIC_PREFIXES = ['/invite/', '/reset-password/', '/unsubscribe/'];

export const config = {
  matcher: ['/v1/:path*', '/invite/:path*', '/reset-password/:path*', '/unsubscribe/:path*', '/overview/:path*', '/transcripts/:path*', '/goals/:path*', '/sentiment/:path*', '/alerts/:path*', '/settings/:path*', '/avatars/:path*', '/dev/:path*'],
};
