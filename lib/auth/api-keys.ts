/** API keys: `cfk_` + 32 random base62 characters, shown once; only the SHA-256 hash is kept. */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DbExecutor } from '@/db';
import { findActiveApiKeyByHash, insertApiKey, touchApiKey } from '@/db/queries/api-keys';

export const API_KEY_SCOPES = ['ingest', 'read', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key').max(80),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'Pick at least one scope'),
});

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62]; // reject the tail so every character is equally likely
  }
  return out.length === length ? out : randomBase62(length);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key (in `tx` when given, so an audit entry can commit with it); the raw key is returned only here. */
export async function createApiKey(workspaceId: string, input: { name: string; scopes: ApiKeyScope[]; createdBy?: string | null }, tx?: DbExecutor) {
  const data = createApiKeySchema.parse(input);
  const key = `cfk_${randomBase62(32)}`;
  const row = await insertApiKey(workspaceId, {
    name: data.name,
    scopes: [...new Set(data.scopes)],
    prefix: key.slice(0, 12),
    keyHash: hashApiKey(key),
    createdBy: input.createdBy,
  }, tx);
  return { key, id: row.id, prefix: row.prefix, scopes: row.scopes, name: row.name };
}

export type ApiKeyPrincipal = { workspaceId: string; keyId: string; scopes: ApiKeyScope[] };

/** The principal for a raw key, or null for an unknown or revoked one. */
export async function authenticateApiKey(key: string): Promise<ApiKeyPrincipal | null> {
  if (!key.startsWith('cfk_') || key.length > 100) return null;
  const row = await findActiveApiKeyByHash(hashApiKey(key));
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchApiKey(row.workspaceId, row.id, now);
  }
  return { workspaceId: row.workspaceId, keyId: row.id, scopes: row.scopes as ApiKeyScope[] };
}
