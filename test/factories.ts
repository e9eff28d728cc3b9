/** Test data builders: each test makes its own workspace, so tests never depend on each other. */
import { randomUUID } from 'node:crypto';
import { insertWorkspace } from '@/db/queries/accounts';
import { createApiKey, type ApiKeyScope } from '@/lib/auth/api-keys';

export async function createTestWorkspace(name = 'Test workspace') {
  return insertWorkspace({ name, slug: `t-${randomUUID().slice(0, 12)}` });
}

export async function createTestApiKey(workspaceId: string, scopes: ApiKeyScope[] = ['ingest', 'read', 'admin']) {
  const { key } = await createApiKey(workspaceId, { name: 'test key', scopes });
  return key;
}

export const uniqueEmail = () => `user-${randomUUID()}@example.com`;
