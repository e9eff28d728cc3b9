/**
 * `npm run fuzz -- --runs N [--seed S]`: the OpenAPI fuzz test of `npm test`, run longer. Uses DATABASE_URL, or
 * an embedded database for this run only. Prints the number of cases and of failures (each failure's request),
 * and exits non-zero if there is any.
 */
import { parseArgs } from 'node:util';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be an integer');

let embedded: EmbeddedDatabase | undefined;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedDatabase();
  process.env.DATABASE_URL = embedded.url;
}
process.env.API_RATE_LIMIT_PER_SECOND = '1000000';

const { migrateDatabase } = await import('@/db/migrate');
const { closeDb } = await import('@/db');
const { fuzzOpenApi } = await import('@/test/fuzz/openapi-fuzz');
await migrateDatabase();

const started = Date.now();
let lastReport = 0;
const result = await fuzzOpenApi({
  runs,
  seed,
  onProgress: (done) => {
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    console.log(`  ${done} cases…`);
  },
});
// Benign console noise from handlers (logged unknown errors) would be part of a failure, so it stays visible.
for (const f of result.failures) console.log(`FAIL ${f.operation}: ${f.reason}\n     ${f.request}`);
const byStatus = Object.entries(result.statuses).map(([s, n]) => `${s}: ${n}`).join(', ');
console.log(`\n${result.operations} operations, ${result.cases} cases, ${result.failures.length} failures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`answers by status: ${byStatus}`);
await closeDb();
await embedded?.stop();
process.exit(result.failures.length ? 1 : 0);
