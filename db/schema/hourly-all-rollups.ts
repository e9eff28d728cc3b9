/**
 * All avatars together per UTC hour, for the hours at a range's edges (migration 0017): reading the
 * per-avatar hourly rows there costs avatars × values rows an hour, and more of them exist the more data
 * there is; these hold one row per value an hour. rollup_dimensions_all follows rollup_dimensions through
 * statement triggers; rollup_sources_all is written by the analytics flush with rollup_sources.
 */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { workspaceRef } from './accounts';
import { sourceFacts } from './analytics-rollups';

/** rollup_dimensions summed over avatars. */
export const rollupDimensionsAll = pgTable(
  'rollup_dimensions_all',
  {
    workspaceId: workspaceRef(),
    dimension: text('dimension').notNull(),
    bucket: ts('bucket').notNull(),
    value: text('value').notNull(),
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.bucket, t.value] })],
);

/** rollup_sources summed over avatars. */
export const rollupSourcesAll = pgTable(
  'rollup_sources_all',
  { workspaceId: workspaceRef(), bucket: ts('bucket').notNull(), ...sourceFacts() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.source] })],
);
