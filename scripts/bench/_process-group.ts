/**
 * A server run as its own process group, so a crash can be simulated for real: SIGKILL reaches the
 * process and every child it started (tsx, next start) at once, with no chance to finish a request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { nextBin, root } from '../build-state';

export type GroupServer = { url: string; pid: number; kill: () => Promise<void>; output: () => string };

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group `child` leads (npm start stops its server, worker and database), SIGKILL after 20 s. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 200 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) {
    signal('SIGKILL');
    for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (groupAlive(pid)) throw new Error(`processes of group ${pid} are still running`);
}

async function startGroup(command: string, args: string[], port: number, env: Record<string, string | undefined>, readyPath: string): Promise<GroupServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
    await exited(child);
    // The grandchildren (tsx's node, next's workers) die with the group; wait until none is left.
    for (let i = 0; i < 50 && groupAlive(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${path.basename(command)} exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    const ok = await fetch(`${url}${readyPath}`).then((res) => res.status < 500, () => false);
    if (ok) return { url, pid: child.pid!, kill, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await kill();
  throw new Error(`server did not answer on ${url} within 90 s:\n${output.slice(-3000)}`);
}

/** The real /v1 route handlers over HTTP without a Next build (test/route-server-main.ts under tsx). */
export function startRouteServerGroup(port: number, env: Record<string, string | undefined>, holdResponseMs = 0): Promise<GroupServer> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  return startGroup(tsx, [path.join(root, 'test', 'route-server-main.ts'), String(port), String(holdResponseMs)], port, env, '/v1/batch');
}

/** `next start` of the existing production build (see ensureBuild in _next-server.ts). */
export function startNextServerGroup(port: number, env: Record<string, string | undefined>): Promise<GroupServer> {
  return startGroup(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], port, { ...env, NODE_ENV: 'production', PORT: String(port) }, '/sign-in');
}
