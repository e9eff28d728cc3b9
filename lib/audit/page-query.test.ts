import { expect, test } from 'vitest';
import { auditLogQuery, decodeAuditCursor, encodeAuditCursor, INVALID_CURSOR_NOTICE, INVALID_FILTERS_NOTICE, NO_FILTERS, parseAuditLogPageQuery } from './page-query';

const user = 'user:6f1c2a3b-1111-4222-8333-444455556666';

test('filters and a cursor round-trip through the URL', () => {
  const cursor = { at: '2026-01-02T03:04:05.123456Z', id: 42 };
  const query = auditLogQuery({ actor: { type: 'user', id: user.slice(5) }, action: 'goal.created', from: '2026-01-01', to: '2026-01-31' }, cursor);
  const parsed = parseAuditLogPageQuery(Object.fromEntries(new URLSearchParams(query)));
  expect(parsed).toEqual({ filters: { actor: { type: 'user', id: user.slice(5) }, action: 'goal.created', from: '2026-01-01', to: '2026-01-31' }, cursor, notice: null });
});

test('blank fields from the filter form mean no filter', () => {
  expect(parseAuditLogPageQuery({ actor: '', action: '', from: '', to: '' })).toEqual({ filters: NO_FILTERS, cursor: null, notice: null });
});

test('unusable filters show the notice and the whole log', () => {
  for (const params of [
    { actor: 'user:not-a-uuid' }, { actor: 'robot:6f1c2a3b-1111-4222-8333-444455556666' }, { action: 'goal\u0000created' }, { action: '\ud800' },
    { action: "x' OR 1=1" }, { from: '2026-02-30' }, { from: '2026-03-01', to: '2026-02-01' }, { to: '10000-01-01' }, { action: ['a', 'b'] }, { other: 'a\u0000' },
  ]) {
    expect(parseAuditLogPageQuery(params)).toEqual({ filters: NO_FILTERS, cursor: null, notice: INVALID_FILTERS_NOTICE });
  }
});

test('a tampered cursor is dropped with its own notice, the filters kept', () => {
  const forged = [
    'garbage', Buffer.from('{"t":"2026-01-01","i":1}').toString('base64url'), Buffer.from('{"t":"2026-13-01T00:00:00.000000Z","i":1}').toString('base64url'),
    encodeAuditCursor({ at: '2026-01-01T00:00:00.000000Z', id: -1 }), 'x'.repeat(500), Buffer.from('{"t":"2026-01-01T00:00:00.000000Z","i":1.5}').toString('base64url'),
  ];
  for (const cursor of forged) {
    expect(parseAuditLogPageQuery({ action: 'goal.created', cursor })).toEqual({ filters: { ...NO_FILTERS, action: 'goal.created' }, cursor: null, notice: INVALID_CURSOR_NOTICE });
  }
  expect(decodeAuditCursor(encodeAuditCursor({ at: '2026-01-01T00:00:00.000001Z', id: 7 }))).toEqual({ at: '2026-01-01T00:00:00.000001Z', id: 7 });
});
