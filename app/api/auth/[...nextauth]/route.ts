import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth parses a POST body before routing it, and a malformed one (a JSON content type with no or broken
 * JSON) makes it throw: that is the client's mistake, so it gets a 400, never a 500.
 */
async function guarded(req: Request, ctx: Context): Promise<Response> {
  try {
    return await handler(req, ctx);
  } catch (error) {
    if (error instanceof SyntaxError) return Response.json({ error: { code: 'bad_request', message: 'The request body could not be read' } }, { status: 400 });
    throw error;
  }
}

export { guarded as GET, guarded as POST };
