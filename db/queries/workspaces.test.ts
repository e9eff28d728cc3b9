import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { insertWorkspace } from './accounts';
import { getWorkspaceSettings, updateWorkspaceSettings } from './workspaces';

afterAll(closeDb);

test('settings change only the workspace they are saved for', async () => {
  const mine = await insertWorkspace({ name: 'Mine', slug: 'settings-mine' });
  const theirs = await insertWorkspace({ name: 'Theirs', slug: 'settings-theirs' });
  const values = { name: 'Mine, renamed', timezone: 'Europe/Berlin', inactivityTimeoutMinutes: 45, escalationToolNames: ['handoff'] };

  expect(await updateWorkspaceSettings(mine.id, values)).toEqual(values);
  expect(await getWorkspaceSettings(mine.id)).toEqual(values);
  expect(await getWorkspaceSettings(theirs.id)).toEqual({
    name: 'Theirs',
    timezone: 'UTC',
    inactivityTimeoutMinutes: 30,
    escalationToolNames: ['fallback_to_human', 'open_ticket', 'ticket', 'contact_human'],
  });
});

test('an unknown workspace updates nothing', async () => {
  const values = { name: 'Ghost', timezone: 'UTC', inactivityTimeoutMinutes: 30, escalationToolNames: [] };
  expect(await updateWorkspaceSettings('00000000-0000-4000-8000-000000000000', values)).toBeNull();
});
