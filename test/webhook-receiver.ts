/**
 * A real HTTP receiver for webhook tests: records every request (headers and exact body) and answers as
 * the test scripts it — a status, headers, a body, a delay — one answer per request, then the default.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; headers: Record<string, string>; body: string; at: number };
export type Answer = { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number };

export type Receiver = {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; afterwards `fallback` (default 200). */
  answer: (...answers: Answer[]) => void;
  fallback: Answer;
  close: () => Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const queue: Answer[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    answer: (...answers) => queue.push(...answers),
    fallback: { status: 200, body: 'ok' },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      received.push({ path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const a = queue.shift() ?? receiver.fallback;
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(a.status ?? 200, a.headers);
        res.end(a.body ?? '');
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
