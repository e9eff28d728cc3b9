import type { NextConfig } from 'next';

/**
 * `npm start` builds with CONFAB_USER_BUILD=1 (scripts/build-state.ts): no type-check, because CI runs
 * `npm run typecheck` on every change and a newcomer's first start should not wait for it, and no
 * Turbopack build cache, which a one-off build pays to write and never reads. `npm run build` (CI's
 * build) keeps both.
 */
const userBuild = process.env.CONFAB_USER_BUILD === '1';

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded from node_modules at run time rather than bundled.
  serverExternalPackages: [
    '@node-rs/argon2',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg-boss',
    'geoip-country',
    're2-wasm',
    'postgres',
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: userBuild },
  experimental: { turbopackFileSystemCacheForBuild: !userBuild },
};

export default nextConfig;
