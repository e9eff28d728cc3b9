import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { buildNeeded, USER_BUILD_ENV } from './build-state';

const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'confab-build-state-'));
afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

const touch = (file: string, at: Date) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  fs.utimesSync(file, at, at);
};

test('a build is needed until .next holds one newer than every source, and again after a source changes', () => {
  touch(path.join(checkout, 'app', 'page.tsx'), new Date('2026-01-01T00:00:00Z'));
  touch(path.join(checkout, 'components', 'ui', 'button.tsx'), new Date('2026-01-01T00:00:00Z'));
  expect(buildNeeded(checkout)).toBe('no production build in .next');

  touch(path.join(checkout, '.next', 'BUILD_ID'), new Date('2026-01-02T00:00:00Z'));
  // Directories' own times move when entries come and go; only the files' times matter here.
  for (const dir of ['app', 'components', path.join('components', 'ui')]) fs.utimesSync(path.join(checkout, dir), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
  expect(buildNeeded(checkout)).toBeNull();

  touch(path.join(checkout, 'components', 'ui', 'button.tsx'), new Date('2026-01-03T00:00:00Z'));
  expect(buildNeeded(checkout)).toBe('components changed since the last build');
});

test("npm start's build skips the type-check, the build cache and source maps; npm run build (CI) keeps them", async () => {
  const load = async (env: Record<string, string | undefined>) => {
    vi.resetModules();
    vi.stubEnv('CONFAB_USER_BUILD', env.CONFAB_USER_BUILD);
    try {
      return (await import('../next.config')).default;
    } finally {
      vi.unstubAllEnvs();
    }
  };
  const user = await load(USER_BUILD_ENV);
  expect(user.typescript?.ignoreBuildErrors).toBe(true);
  expect(user.experimental).toMatchObject({ turbopackFileSystemCacheForBuild: false, turbopackSourceMaps: false });

  const ci = await load({ CONFAB_USER_BUILD: undefined });
  expect(ci.typescript?.ignoreBuildErrors).toBe(false);
  expect(ci.experimental).toMatchObject({ turbopackFileSystemCacheForBuild: true, turbopackSourceMaps: true });
});
