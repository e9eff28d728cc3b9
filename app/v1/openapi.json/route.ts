import { NextResponse } from 'next/server';
import { originFromHeaders } from '@/lib/http/origin';
import { buildOpenApiDocument } from '@/lib/openapi/document';

/** The OpenAPI 3.1 document of /v1: public, no key needed. */
export function GET(req: Request) {
  return NextResponse.json(buildOpenApiDocument(originFromHeaders(req.headers)), {
    headers: { 'Cache-Control': 'public, max-age=300', Vary: 'Host, X-Forwarded-Host, X-Forwarded-Proto', 'Access-Control-Allow-Origin': '*' },
  });
}
