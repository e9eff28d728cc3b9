/**
 * The one schema of Confab, by area. Every tenant table carries `workspace_id` in its primary key, in each
 * unique constraint and in keys between tenant tables (db/tenant-keys.test.ts holds it), so the database
 * can be distributed by workspace without a schema change.
 */
export * from './accounts';
export * from './conversations';
export * from './goals';
export * from './webhooks';
export * from './alerts';
export * from './rollups';
export * from './analytics-rollups';
export * from './escalation-rollups';
export * from './hourly-all-rollups';
export * from './platform';
export * from './mail';
export * from './identities';
export * from './billing';
export * from './digests';
