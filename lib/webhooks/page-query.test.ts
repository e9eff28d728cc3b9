import { expect, test } from 'vitest';
import { deliveryPageHref, nextPage, parseDeliveryPageQuery, previousPage } from './page-query';

test('the trail walks back page by page to the first', () => {
  const first = parseDeliveryPageQuery({ status: 'failed' });
  expect(first).toEqual({ status: 'failed', cursor: null, trail: [] });
  const second = nextPage(first, 'c2');
  const third = nextPage(second, 'c3');
  expect(deliveryPageHref('/x', third)).toBe('/x?status=failed&cursor=c3&trail=.c2');
  const parsed = parseDeliveryPageQuery({ status: 'failed', cursor: 'c3', trail: '.c2' });
  expect(parsed).toEqual(third);
  expect(previousPage(parsed)).toEqual(second);
  expect(previousPage(second!)).toEqual(first);
  expect(previousPage(first)).toBeNull();
});

test('bad values fall back to the first page of everything', () => {
  expect(parseDeliveryPageQuery({ status: 'nope', cursor: 'a\u0000' })).toEqual({ status: 'all', cursor: null, trail: [] });
  expect(parseDeliveryPageQuery({ status: ['delivered', 'failed'], cursor: 'x'.repeat(5000) })).toEqual({ status: 'delivered', cursor: null, trail: [] });
  expect(parseDeliveryPageQuery({ cursor: 'ok', trail: 'a.b!c.d' })).toEqual({ status: 'all', cursor: 'ok', trail: ['a', 'd'] });
});

test('search params need not be a plain object (next dev hands pages a non-plain one)', () => {
  const params = new (class SearchParams {
    status = 'failed';
    cursor = 'c3';
    trail = '.c2';
  })();
  expect(parseDeliveryPageQuery(params as unknown as Record<string, string>)).toEqual({ status: 'failed', cursor: 'c3', trail: ['', 'c2'] });
});
