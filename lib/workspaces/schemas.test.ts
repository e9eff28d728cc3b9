import { expect, test } from 'vitest';
import { splitToolNames, supportedTimeZones, workspaceSettingsSchema } from './schemas';

const valid = { name: 'Acme', timezone: 'Europe/Berlin', inactivityTimeoutMinutes: '45', escalationToolNames: 'fallback_to_human, open_ticket' };

test('form data is coerced: minutes to a number, tool names to a list', () => {
  expect(workspaceSettingsSchema.parse(valid)).toEqual({ name: 'Acme', timezone: 'Europe/Berlin', inactivityTimeoutMinutes: 45, escalationToolNames: ['fallback_to_human', 'open_ticket'] });
  expect(splitToolNames(' a ,, b,A\nc ')).toEqual(['a', 'b', 'c']);
  expect(workspaceSettingsSchema.parse({ ...valid, escalationToolNames: ' ' }).escalationToolNames).toEqual([]);
});

test('each field says what is wrong with it', () => {
  const errors = (input: Partial<typeof valid>) =>
    Object.fromEntries((workspaceSettingsSchema.safeParse({ ...valid, ...input }).error?.issues ?? []).map((i) => [i.path[0], i.message]));
  expect(errors({ timezone: 'Mars/Olympus_Mons' })).toEqual({ timezone: 'Choose a timezone from the list' });
  expect(errors({ inactivityTimeoutMinutes: '0' })).toEqual({ inactivityTimeoutMinutes: 'Use at least 1 minute' });
  expect(errors({ inactivityTimeoutMinutes: '1441' })).toEqual({ inactivityTimeoutMinutes: 'Use at most 1440 minutes (24 hours)' });
  expect(errors({ inactivityTimeoutMinutes: '' })).toEqual({ inactivityTimeoutMinutes: 'Enter a number of minutes' });
  expect(errors({ inactivityTimeoutMinutes: '2.5' })).toEqual({ inactivityTimeoutMinutes: 'Enter whole minutes' });
  expect(errors({ escalationToolNames: 'ok, not ok' })).toEqual({ escalationToolNames: '"not ok" is not a tool name: use letters, digits and _ - . : / (no spaces)' });
  expect(errors({ name: ' x ' })).toEqual({ name: 'Name the workspace (at least 2 characters)' });
});

test('UTC is offered first, then the IANA zones of the runtime', () => {
  const zones = supportedTimeZones();
  expect(zones[0]).toBe('UTC');
  expect(zones).toContain('America/New_York');
  expect(new Set(zones).size).toBe(zones.length);
});
