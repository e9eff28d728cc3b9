/** Small helpers shared by the benchmarks. */
import os from 'node:os';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a PostgreSQL database the benchmark may fill (e.g. a fresh one).');
    process.exit(2);
  }
  return url;
}

/** The machine the figures come from, and how busy it already is (other work skews them). */
export function machineLine(): string {
  const [one] = os.loadavg();
  return `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${one.toFixed(1)}`;
}
