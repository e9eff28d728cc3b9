/** Whether `.next` holds a production build of the current sources, and how `npm start` and the page benchmarks build it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = process.cwd();
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_INPUTS = ['app', 'components', 'lib', 'db', 'public', 'types', 'proxy.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why a build is needed, or null when `.next` (of the checkout at `at`) is current. */
export function buildNeeded(at = root): string | null {
  const buildId = path.join(at, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'no production build in .next';
  const built = fs.statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(at, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * The environment of the builds `npm start` and the benchmarks run: next.config.ts then skips the
 * type-check (CI's `npm run typecheck` keeps it) and the Turbopack build cache.
 */
export const USER_BUILD_ENV = { NODE_ENV: 'production', CONFAB_USER_BUILD: '1' } as const;

/** Starts `next build` for `npm start` or a benchmark; `exited` resolves with its exit code. */
export function startUserBuild(env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe'): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(process.execPath, [nextBin, 'build'], { stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...env, ...USER_BUILD_ENV } });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return { child, exited };
}
