/**
 * CPU time spent by processes during a benchmark phase, read from /proc (Linux): Node processes by pid, and
 * PostgreSQL backends by the `application_name` their clients connect with (CONFAB_DB_APPLICATION_NAME).
 * Each Node pid counts with its descendants. A process that ends during the phase takes its share with it.
 */
import fs from 'node:fs';
import type { Sql } from 'postgres';

const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (state, ppid, …), or null once the process has gone. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** utime + stime of a process, in seconds (0 once it has gone). */
function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** `pid` and every process below it (tsx, for one, runs the script in a child). */
export function withDescendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    const fields = /^\d+$/.test(entry) ? statFields(entry) : null;
    if (!fields) continue; // not a process, or gone meanwhile
    const ppid = Number(fields[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]) ?? []));
  return out;
}

/** `node`: processes counted with their descendants; `alone`: without (the bench itself, whose children are the others). */
export type CpuGroups = { node: Record<string, number[]>; alone?: Record<string, number[]>; database: Record<string, string> };
type Sample = Map<string, Map<number, number>>;

export const cpuAvailable = () => fs.existsSync('/proc/self/stat');

async function sample(sql: Sql, groups: CpuGroups): Promise<Sample> {
  const out: Sample = new Map();
  for (const [name, pids] of Object.entries(groups.node)) {
    out.set(name, new Map(pids.flatMap(withDescendants).map((pid) => [pid, cpuSeconds(pid)])));
  }
  for (const [name, pids] of Object.entries(groups.alone ?? {})) out.set(name, new Map(pids.map((pid) => [pid, cpuSeconds(pid)])));
  const names = Object.values(groups.database);
  const backends = await sql<{ pid: number; application_name: string }[]>`
    SELECT pid, application_name FROM pg_stat_activity WHERE application_name = ANY(${names}::text[])`;
  for (const [name, app] of Object.entries(groups.database)) {
    out.set(name, new Map(backends.filter((b) => b.application_name === app).map((b) => [b.pid, cpuSeconds(b.pid)])));
  }
  return out;
}

/** Starts a phase; `stop()` returns each group's CPU seconds since, counting backends that connected meanwhile. */
export async function startCpuPhase(sql: Sql, groups: CpuGroups): Promise<{ stop: () => Promise<Record<string, number>> }> {
  const before = await sample(sql, groups);
  return {
    stop: async () => {
      const after = await sample(sql, groups);
      const result: Record<string, number> = {};
      for (const [name, pids] of after) {
        let total = 0;
        for (const [pid, seconds] of pids) total += seconds - (before.get(name)?.get(pid) ?? 0);
        result[name] = total;
      }
      return result;
    },
  };
}

/** `web 41 µs + its database 120 µs …` per unit of work. */
export function perUnit(cpu: Record<string, number>, units: number, unit: string): string {
  const parts = Object.entries(cpu).map(([name, seconds]) => `${name} ${((seconds / units) * 1e6).toFixed(0)} µs`);
  const total = Object.values(cpu).reduce((a, b) => a + b, 0);
  return `${parts.join(' + ')} = ${((total / units) * 1e6).toFixed(0)} µs CPU per ${unit}`;
}
