/** `npm run bench -- <name> [args]`: runs scripts/bench/<name>.ts (e.g. `analytics`, `transcripts`, `goals`, `ingest`). */
import { existsSync } from 'node:fs';
import path from 'node:path';

const [name, ...args] = process.argv.slice(2);
const file = name && /^[a-z][a-z0-9-]*$/.test(name) ? path.join(import.meta.dirname, `${name}.ts`) : null;
if (!file || !existsSync(file)) {
  console.error('Usage: npm run bench -- <name> [options]   (e.g. npm run bench -- analytics)');
  process.exit(2);
}
process.argv = [process.argv[0], file, ...args];
await import(file);
