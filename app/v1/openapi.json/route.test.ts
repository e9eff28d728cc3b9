import { expect, test } from 'vitest';
import { GET } from './route';

test('GET answers the public OpenAPI document as JSON, cacheable, with this deployment as the server', async () => {
  const res = GET(new Request('http://internal:3000/v1/openapi.json', { headers: { host: 'confab.example.com', 'x-forwarded-proto': 'https' } }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  const doc = await res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.servers[0].url).toBe('https://confab.example.com');
  expect(doc.paths['/v1/batch'].post.responses['207']).toBeDefined();
  expect(doc.components.schemas.MessageBody.properties.role.enum).toEqual(['user', 'assistant', 'system']);
});

test('needs no API key', async () => {
  const res = GET(new Request('http://localhost/v1/openapi.json'));
  expect(res.status).toBe(200);
});
