import { afterAll, expect, test } from 'vitest';
import { closeDb, db } from '@/db';
import { avatars } from '@/db/schema';
import { insertWorkspace } from './accounts';
import { findAvatar, listAvatars } from './avatars';

afterAll(closeDb);

test("a workspace lists and finds only its own avatars, by name", async () => {
  const mine = await insertWorkspace({ name: 'Mine', slug: 'avatars-mine' });
  const theirs = await insertWorkspace({ name: 'Theirs', slug: 'avatars-theirs' });
  await db.insert(avatars).values([
    { workspaceId: mine.id, id: 'support', name: 'Support Bot' },
    { workspaceId: mine.id, id: 'sales', name: 'Ava (sales)' },
    { workspaceId: theirs.id, id: 'secret', name: 'Their bot' },
  ]);
  expect(await listAvatars(mine.id)).toEqual([
    { id: 'sales', name: 'Ava (sales)' },
    { id: 'support', name: 'Support Bot' },
  ]);
  expect(await findAvatar(mine.id, 'support')).toEqual({ id: 'support', name: 'Support Bot' });
  expect(await findAvatar(mine.id, 'secret')).toBeNull();
});
