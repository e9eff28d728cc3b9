import { expect, test } from 'vitest';
import { encodeCursor } from './cursor';
import { DEFAULT_FILTERS } from './filters';
import { INVALID_CURSOR_NOTICE, INVALID_FILTERS_NOTICE, parseTranscriptsPageQuery } from './page-query';

const cursor = encodeCursor({ key: '2024-02-01 10:00:00+00', id: 'c1', sort: 'startedAt', order: 'desc', direction: 'next' });

test('good filters and cursor pass as they are', () => {
  expect(parseTranscriptsPageQuery({ source: 'web', cursor })).toEqual({ filters: { ...DEFAULT_FILTERS, source: 'web' }, cursor, notice: null });
  expect(parseTranscriptsPageQuery({})).toEqual({ filters: DEFAULT_FILTERS, cursor: null, notice: null });
});

test('repeated parameters use their first value', () => {
  expect(parseTranscriptsPageQuery({ source: ['web', 'app'], cursor: [cursor, 'junk'] })).toMatchObject({ filters: { source: 'web' }, cursor, notice: null });
});

test('NUL or invalid Unicode under any name, or a bad filter, shows every conversation with the notice', () => {
  for (const params of [{ avatarId: '\u0000' }, { avatar: '\u0000' }, { q: ['ok', 'a\u0000'] }, { source: '\ud800' }, { sort: 'id' }, { start: '2024-02-30' }, { q: 'x'.repeat(5000) }, { cursor: 'a\u0000' }]) {
    expect(parseTranscriptsPageQuery({ cursor, ...params }), JSON.stringify(params).slice(0, 40)).toEqual({ filters: DEFAULT_FILTERS, cursor: null, notice: INVALID_FILTERS_NOTICE });
  }
});

test('a garbage, oversized or other-sort cursor falls back to the first page with its own notice', () => {
  const otherSort = encodeCursor({ key: '3', id: 'c1', sort: 'messages', order: 'desc', direction: 'next' });
  for (const bad of ['garbage', '%%%', 'eyJrIjoxfQ', 'x'.repeat(5000), otherSort]) {
    expect(parseTranscriptsPageQuery({ source: 'web', cursor: bad })).toEqual({ filters: { ...DEFAULT_FILTERS, source: 'web' }, cursor: null, notice: INVALID_CURSOR_NOTICE });
  }
});
