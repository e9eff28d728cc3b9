import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { workerNice } from './priority';

const saved = process.env.WORKER_NICE;
afterEach(() => {
  if (saved === undefined) delete process.env.WORKER_NICE;
  else process.env.WORKER_NICE = saved;
});

test('WORKER_NICE: 10 by default, 0 to leave the priority alone, clamped to what nice allows', () => {
  delete process.env.WORKER_NICE;
  expect(workerNice()).toBe(10);
  for (const [raw, nice] of [['0', 0], ['5', 5], ['19', 19], ['40', 19], ['-5', 0], ['soon', 10]] as const) {
    process.env.WORKER_NICE = raw;
    expect(workerNice()).toBe(nice);
  }
});

test('a worker process runs below the priority it started with', () => {
  // In a process of its own: the test runner's thread keeps its priority.
  const script = "const os = await import('node:os'); const { lowerWorkerPriority } = await import('./lib/jobs/priority.ts'); const lines = []; lowerWorkerPriority((l) => lines.push(l)); console.log(JSON.stringify({ nice: os.getPriority(), lines }));";
  const run = (nice: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, WORKER_NICE: nice }, encoding: 'utf8' }));
  const base = os.getPriority(); // a child starts at its parent's
  const lowered = run('7');
  expect(lowered.nice).toBe(Math.max(base, 7));
  expect(lowered.lines).toEqual([`running at nice ${Math.max(base, 7)} (WORKER_NICE), below the web server`]);
  const left = run('0');
  expect(left.nice).toBe(base);
  expect(left.lines).toEqual([]);
});
