/**
 * The embedded database: PGlite (Postgres in WASM) served over the Postgres wire protocol on loopback,
 * so the app keeps its one postgres.js driver path. Used only when DATABASE_URL is unset.
 *
 * PGlite has a single session, so connections are multiplexed here. The stock pglite-socket server
 * interleaves single protocol messages of different clients, which breaks the extended protocol
 * (one client's Bind lands on another's unnamed statement). This server runs each client's message
 * run up to its Sync/Query as one unit, and keeps the session with that client while it is inside a
 * transaction or mid-sequence.
 */
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

type Job = { client: number; messages: Uint8Array[]; open: boolean; write: (d: Uint8Array) => void; done: () => void };

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const UNIT_END = new Set(['S', 'Q']);

/** ROLLBACK as a wire-protocol Query, run where runExclusive is held: pglite.exec would wait for that lock forever. */
function rollbackMessage(): Uint8Array {
  const text = Buffer.from('ROLLBACK\0');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

class SessionMultiplexer {
  private queue: Job[] = [];
  private owner: number | null = null;
  private running = false;
  /** The client whose job runs now, and clients that went away while theirs ran (pump releases them). */
  private current: number | null = null;
  private readonly gone = new Set<number>();

  constructor(private readonly pglite: PGlite) {}

  submit(job: Job): void {
    this.queue.push(job);
    void this.pump();
  }

  /** A client went away: drop its queued work and give the session back, rolling back what it left open. */
  async release(client: number): Promise<void> {
    this.queue = this.queue.filter((j) => j.client !== client);
    if (this.current === client) {
      // Its running job would hand the session back to it (it may be inside a transaction) after this.
      this.gone.add(client);
      return;
    }
    if (this.owner === client) {
      this.owner = null;
      await this.pglite.runExclusive(() => this.rollbackOpenTransaction());
    }
    void this.pump();
  }

  /** Call with runExclusive held. */
  private async rollbackOpenTransaction(): Promise<void> {
    if (this.pglite.isInTransaction()) await this.pglite.execProtocolRawStream(rollbackMessage(), { onRawData: () => {} }).catch(() => undefined);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((j) => j.client === this.owner);
        if (index < 0 || this.queue.length === 0) break;
        const [job] = this.queue.splice(index, 1);
        this.current = job.client;
        let left = false;
        await this.pglite.runExclusive(async () => {
          for (const message of job.messages) {
            await this.pglite.execProtocolRawStream(message, { onRawData: job.write });
          }
          left = this.gone.delete(job.client);
          if (left) await this.rollbackOpenTransaction();
        });
        this.current = null;
        this.owner = !left && (job.open || this.pglite.isInTransaction()) ? job.client : null;
        job.done();
      }
    } finally {
      this.running = false;
    }
  }
}

function serveClient(socket: net.Socket, client: number, mux: SessionMultiplexer): void {
  let buffer = Buffer.alloc(0);
  let started = false;
  let pending: Uint8Array[] = [];
  let busy = Promise.resolve();
  socket.setNoDelay(true);

  const run = (messages: Uint8Array[], open: boolean) => {
    busy = busy.then(
      () =>
        new Promise<void>((done) =>
          mux.submit({ client, messages, open, done, write: (d) => d.length > 0 && socket.writable && socket.write(Buffer.from(d)) }),
        ),
    );
  };

  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) socket.write('N');
        else if (code === CANCEL_REQUEST) socket.end();
        else {
          started = true;
          run([new Uint8Array(message)], false);
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0]);
      const message = new Uint8Array(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      if (type === 'X') {
        socket.end();
        return;
      }
      pending.push(message);
      if (UNIT_END.has(type) || type === 'H') {
        run(pending, type === 'H');
        pending = [];
      }
    }
  });
  const close = () => void mux.release(client);
  socket.on('close', close);
  socket.on('error', () => socket.destroy());
}

/** Starts PGlite with data in `dataDir` (in memory when omitted) and serves it on 127.0.0.1:`port` (0 = any free port). */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  // Every client shares this one session, so the per-connection settings of db/index.ts are made here.
  await pglite.exec('SET plan_cache_mode = force_custom_plan');
  const mux = new SessionMultiplexer(pglite);
  const sockets = new Set<net.Socket>();
  let nextClient = 1;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveClient(socket, nextClient++, mux);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  let stopped = false;
  return {
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await pglite.close();
    },
  };
}
