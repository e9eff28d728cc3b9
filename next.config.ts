import type { NextConfig } from 'next';

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
};

export default nextConfig;
