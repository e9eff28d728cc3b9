/**
 * A production Next server for the benchmarks that time pages over HTTP: builds first when `.next` is
 * missing or older than its sources (the rule `npm start` follows), serves on a port, and stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildNeeded, nextBin, root, startUserBuild } from '../build-state';

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code ?? 1));
  });
}

export async function ensureBuild(log: (line: string) => void, allowRebuild: boolean): Promise<void> {
  const reason = buildNeeded();
  if (!reason) return;
  if (!allowRebuild && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log(`  note: ${reason}; timing the existing build (--no-build)`);
    return;
  }
  log(`  building the app (${reason}): next build…`);
  const started = performance.now();
  const build = startUserBuild(process.env, 'pipe');
  let output = '';
  build.child.stdout?.on('data', (chunk) => (output += chunk));
  build.child.stderr?.on('data', (chunk) => (output += chunk));
  const code = await build.exited;
  if (code !== 0) throw new Error(`next build failed (exit ${code}); run \`npm run build\` to see why:\n${output.slice(-3000)}`);
  log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export type NextServer = { url: string; pid: number; stop: () => Promise<void> };

/** `next start` on `port` with `env` added, once it answers; its output is shown only if it fails. */
export async function startNextServer(port: number, env: Record<string, string | undefined>): Promise<NextServer> {
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port) },
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await exited(server);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${output.slice(-3000)}`);
    const ok = await fetch(`${url}/sign-in`).then((res) => res.ok, () => false);
    if (ok) return { url, pid: server.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${url} within 60 s:\n${output.slice(-3000)}`);
}
