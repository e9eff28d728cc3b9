/** API key rows. Keys are stored only as SHA-256 hashes. */
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { db, type DbExecutor } from '../index';
import { apiKeys, users } from '../schema';

export async function insertApiKey(
  workspaceId: string,
  values: { name: string; prefix: string; keyHash: string; scopes: string[]; createdBy?: string | null },
  tx: DbExecutor = db,
) {
  const [row] = await tx
    .insert(apiKeys)
    .values({ workspaceId, ...values, createdBy: values.createdBy ?? null })
    .returning();
  return row;
}

export async function findActiveApiKeyByHash(keyHash: string) {
  const [row] = await db
    .select({ workspaceId: apiKeys.workspaceId, id: apiKeys.id, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Records use at most once a minute per key, so authentication does not write on every request. */
export async function touchApiKey(workspaceId: string, id: string, now: Date) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}

export async function listApiKeys(workspaceId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByEmail: users.email,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(workspaceId: string, id: string, tx: DbExecutor = db) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row ?? null;
}
