import { expect, test } from 'vitest';
import { readJsonBody } from './read-body';

const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://test/x', { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

test('parses JSON within the limit', async () => {
  expect(await readJsonBody(request('{"a":1}'), 100)).toEqual({ a: 1 });
});

test('refuses by declared length before reading, and by bytes actually read', async () => {
  await expect(readJsonBody(request('{}', { 'content-length': '1000' }), 100)).rejects.toMatchObject({ status: 413 });
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(64).fill(32));
    },
  });
  await expect(readJsonBody(request(endless), 1000)).rejects.toMatchObject({ status: 413 });
  expect(pulled).toBeLessThan(40);
});

test('400 for a missing, empty, non-UTF-8 or malformed body', async () => {
  for (const body of [null, '  ', new Uint8Array([0xc3, 0x28]), '{"a":', 'undefined']) {
    await expect(readJsonBody(request(body), 100)).rejects.toMatchObject({ status: 400, code: 'bad_request' });
  }
});

test('survives deeply nested JSON without a stack overflow', async () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  await expect(readJsonBody(request(deep), 1_000_000)).resolves.toBeDefined();
});
