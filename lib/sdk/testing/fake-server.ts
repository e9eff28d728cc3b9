// Test-only stand-in for the Confab ingestion API: a real HTTP server on 127.0.0.1 that records
// every request and answers through a swappable handler. Uses node:http, so it is not part of the SDK.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BatchItem } from '../types';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request; `index` counts requests since the last reset. */
export type Handler = (req: RecordedRequest, res: ServerResponse, index: number) => void;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function batchItemsOf(req: RecordedRequest): BatchItem[] {
  return (JSON.parse(req.body) as { batch: BatchItem[] }).batch;
}

/** Accepts everything: 207 with a 201 per batch item, else 201 echoing the body. */
export const acceptAll: Handler = (req, res) => {
  if (req.url === '/v1/batch') {
    sendJson(res, 207, { results: batchItemsOf(req).map((item) => ({ id: item.id, status: 201 })) });
  } else {
    sendJson(res, 201, { ok: true, path: req.url, received: JSON.parse(req.body) });
  }
};

export async function startFakeServer() {
  const requests: RecordedRequest[] = [];
  let handler: Handler = acceptAll;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      handler(recorded, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Batch requests only, in arrival order. */
    batches: () => requests.filter((r) => r.url === '/v1/batch'),
    handle(next: Handler) {
      handler = next;
    },
    reset() {
      requests.length = 0;
      handler = acceptAll;
    },
    async waitForRequests(count: number, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;
