import { expect, test } from 'vitest';
import { sql } from '@/db';

test('the app plans every statement for its parameters, on the embedded database and on a server', async () => {
  const [row] = await sql<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
  expect(row.plan_cache_mode).toBe('force_custom_plan');
});
