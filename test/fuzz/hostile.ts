/**
 * Hostile values for the OpenAPI fuzz test: what a careless or malicious client sends. `Raw` marks JSON text
 * sent as is (non-finite numbers, deep nesting), which JSON.stringify cannot produce.
 */
import fc from 'fast-check';

export class Raw {
  constructor(readonly text: string) {}
}

const forgedCursor = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

export const hostileStrings: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  'e\u0301\u0327',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '%00',
  '%FF%FE',
  '../../etc/passwd',
  "' OR 1=1 --",
  "\\'",
  '"',
  '\\',
  '\r\n\t',
  '{"k":"x"}',
  '[object Object]',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '99999999999999999999',
  '0x10',
  '2024-02-30',
  '2024-13-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '30d; DROP TABLE conversations',
  forgedCursor({ k: 'x' }),
  forgedCursor({ k: 'x', i: 'c1', s: 'startedAt', o: 'desc', d: 'next' }),
  forgedCursor({ k: '2024-02-30 00:00:00+00', i: 'c1', s: 'startedAt', o: 'desc', d: 'next' }),
  forgedCursor({ k: '1e999', i: '\u0000', s: 'duration', o: 'desc', d: 'next' }),
  forgedCursor([1, 2, 3]),
];

export const hostileNumbers: number[] = [-1, 0, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324];

const nested = (depth: number, open: string, close: string) => new Raw(open.repeat(depth) + close.repeat(depth));

export const hostileRaw: Raw[] = [
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('NaN'),
  new Raw('Infinity'),
  new Raw('123456789012345678901234567890'),
  nested(5000, '[', ']'),
  new Raw('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)),
  nested(40, '[', ']'),
];

/** Any hostile JSON value: a bad string, an extreme number, a wrong type, raw text or deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': 1 }, JSON.parse('{"__proto__":{"admin":true}}'), ['\u0000']) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...hostileRaw) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => new Raw(n.toString())) },
);

/** Query values: strings only, as a URL carries them. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileNumbers.map(String)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Path segments as sent on the wire: hostile text percent-encoded, or percent-encodings that decode to nothing valid. */
export const hostileRawSegments = ['%FF%FE', '%ED%A0%80', '%C0%AF', '%', '%zz', '%E2%82', '%00', '%2F..%2F', '%25', '.', '..'];

/** JSON text with Raw values spliced in as written. */
export function toJsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
