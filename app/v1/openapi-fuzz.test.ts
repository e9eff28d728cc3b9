/**
 * Hostile input for every operation of the OpenAPI document, through the real handlers: no 5xx, the error
 * shape on every 4xx, nothing written. Bounded here (FUZZ_RUNS cases, default 1,200); `npm run fuzz --
 * --runs N` runs it longer.
 */
import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { fuzzOpenApi } from '@/test/fuzz/openapi-fuzz';

process.env.API_RATE_LIMIT_PER_SECOND = '1000000';
afterAll(closeDb);

test('no operation of /v1/openapi.json answers 5xx, a malformed error or a write to hostile input', async () => {
  const runs = Number(process.env.FUZZ_RUNS) || 1200;
  const result = await fuzzOpenApi({ runs });
  expect(result.operations).toBeGreaterThan(30);
  expect(result.cases).toBeGreaterThanOrEqual(runs);
  expect(result.failures.slice(0, 15), `${result.failures.length} failing case(s)`).toEqual([]);
}, 240_000);
