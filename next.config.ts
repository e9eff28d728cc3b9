import type { NextConfig } from 'next';

/**
 * `npm start` builds with CONFAB_USER_BUILD=1 (scripts/build-state.ts), for a newcomer's first start:
 * no type-check (CI runs `npm run typecheck` on every change), no Turbopack build cache (a one-off build
 * pays to write it and never reads it) and no source maps (on this 2-core machine they took
 * about half of the compile, 25 s against 14 s). `npm run build` (CI's build) keeps all three.
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
  experimental: { turbopackFileSystemCacheForBuild: !userBuild, turbopackSourceMaps: !userBuild },
};

export default nextConfig;
