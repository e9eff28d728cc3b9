/**
 * Confab's HTTP server: Next.js behind a node:http listener that sets X-Forwarded-For from the socket
 * (lib/http/client-ip.ts) before Next sees the request, because `next start` keeps a header the client sent.
 * `npm start` and `npm run dev` run it; `--dev` serves the development build.
 */
import { createServer } from 'node:http';
import next from 'next';
import { applyPeerAddress, trustProxy } from '@/lib/http/client-ip';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';

async function main() {
  const server = createServer();
  const app = next({ dev, port, hostname: 'localhost', httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trusted = trustProxy();
  server.on('request', (req, res) => {
    applyPeerAddress(req, trusted);
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`Serving on port ${port}${trusted ? ' (trusting X-Forwarded-For)' : ''}`));
  const close = () => server.close(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
