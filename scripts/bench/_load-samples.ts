/** What the load benchmark watches besides latency: the web process's memory and the database connections in use. */
import fs from 'node:fs';
import { sql } from '@/db';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name before it may hold spaces, hence after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function vmRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** VmRSS of the server process and of any process it started (next start may serve from a child). */
export function processTreeRss(pid: number): { bytes: number; processes: number } {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return { bytes: all.reduce((sum, p) => sum + vmRssBytes(p), 0), processes: all.length };
}

export async function databaseConnections(): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`;
  return n;
}

/** Samples `measure` every `everyMs` until stopped; returns every sample with its time (ms since start). */
export function sampleEvery(measure: () => Promise<number> | number, everyMs: number): { stop: () => Promise<{ at: number; value: number }[]> } {
  const samples: { at: number; value: number }[] = [];
  const started = Date.now();
  let pending: Promise<void> = Promise.resolve();
  const take = () => {
    const at = Date.now() - started;
    pending = Promise.resolve(measure()).then((value) => void samples.push({ at, value }), () => undefined);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      return samples;
    },
  };
}

/** The lowest and highest sample of each minute: the lows show what the heap keeps once collected. */
export function perMinute(samples: { at: number; value: number }[]): { low: number; high: number }[] {
  const minutes: { low: number; high: number }[] = [];
  for (const { at, value } of samples) {
    const m = (minutes[Math.floor(at / 60_000)] ??= { low: value, high: value });
    m.low = Math.min(m.low, value);
    m.high = Math.max(m.high, value);
  }
  return minutes.filter(Boolean);
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
