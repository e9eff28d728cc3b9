/**
 * Finds the database for a process: DATABASE_URL when set; else the embedded database of this checkout,
 * reusing the one a running `npm start` serves (recorded in .data/embedded.json), or starting it here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedDatabase } from './embedded';

/** `.data/` of this checkout; CONFAB_DATA_DIR points elsewhere (the pages bench starts from an empty one). */
export const DATA_DIR = process.env.CONFAB_DATA_DIR ? path.resolve(process.env.CONFAB_DATA_DIR) : path.join(process.cwd(), '.data');
const PGLITE_DIR = path.join(DATA_DIR, 'pglite');
const RUNNING_FILE = path.join(DATA_DIR, 'embedded.json');

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningEmbedded(): { url: string } | null {
  try {
    const info = JSON.parse(fs.readFileSync(RUNNING_FILE, 'utf8')) as { pid: number; url: string };
    return info.pid !== process.pid && processAlive(info.pid) ? { url: info.url } : null;
  } catch {
    return null;
  }
}

/** Sets process.env.DATABASE_URL and returns how to let go of the database afterwards. */
export async function ensureDatabase(options: { port?: number; announce?: boolean } = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const shared = runningEmbedded();
  if (shared) {
    process.env.DATABASE_URL = shared.url;
    return { url: shared.url, embedded: true, stop: async () => {} };
  }
  fs.mkdirSync(PGLITE_DIR, { recursive: true });
  const embedded = await startEmbeddedDatabase({ dataDir: PGLITE_DIR, port: options.port });
  process.env.DATABASE_URL = embedded.url;
  if (options.announce) fs.writeFileSync(RUNNING_FILE, JSON.stringify({ pid: process.pid, url: embedded.url }));
  return {
    url: embedded.url,
    embedded: true,
    stop: async () => {
      if (options.announce) fs.rmSync(RUNNING_FILE, { force: true });
      await embedded.stop();
    },
  };
}
