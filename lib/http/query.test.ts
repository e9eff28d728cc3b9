import { expect, test } from 'vitest';
import { queryParams, storableQuery } from './query';

test('repeated names keep every value', () => {
  expect(queryParams(new URLSearchParams('a=1&a=2&b&c=x+y'))).toEqual({ a: ['1', '2'], b: '', c: 'x y' });
});

test('NUL or a lone surrogate under any name, in any repeat, is refused', () => {
  for (const query of [{ q: '\u0000' }, { avatar: 'a\u0000' }, { q: ['ok', 'x\u0000'] }, { q: '\ud800' }, { q: ['ok', 'a\udfffb'] }]) {
    expect(storableQuery.safeParse(query).success, JSON.stringify(query)).toBe(false);
  }
  expect(storableQuery.safeParse({ q: ['ok', 'é \u05d0 👩🏽‍💻 \ufffd'] }).success).toBe(true);
});
