import { getTableColumns } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { HOURLY_COLUMNS, HOURLY_COUNTER_TYPES } from './rollup-columns';
import { rollupDaily, rollupHourly } from './schema';

const SQL_TYPES: Record<string, string> = { PgInteger: 'int', PgBigInt53: 'bigint', PgDoublePrecision: 'float8' };

test('the raw-SQL counter list matches both tables of the schema, in order and type', () => {
  for (const table of [rollupHourly, rollupDaily]) {
    const counters = Object.values(getTableColumns(table)).filter((c) => !['workspace_id', 'avatar_id', 'bucket', 'day'].includes(c.name));
    expect(counters.map((c) => c.name)).toEqual(HOURLY_COLUMNS);
    expect(Object.fromEntries(counters.map((c) => [c.name, SQL_TYPES[c.columnType]]))).toEqual(HOURLY_COUNTER_TYPES);
  }
});
