import { expect, test } from '@playwright/test';

test('a visitor reads the API reference without signing in', async ({ page }) => {
  await page.goto('/docs/api');
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Confab API reference' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'API reference' });
  await nav.getByRole('link', { name: /Send a batch/ }).click();
  const batch = page.getByRole('article', { name: 'Send a batch' });
  await expect(batch).toBeInViewport();
  await expect(batch.getByText('/v1/batch', { exact: true }).first()).toBeVisible();
  await expect(batch.getByText('207', { exact: true })).toBeVisible();
  await expect(batch.getByRole('table', { name: 'Request body of Send a batch' })).toContainText('batch');
  await expect(batch.getByRole('button', { name: 'Copy curl' })).toBeVisible();

  await expect(page.getByRole('link', { name: '/v1/openapi.json' })).toHaveAttribute('href', '/v1/openapi.json');
});

test('the OpenAPI document is public JSON', async ({ request }) => {
  const res = await request.get('/v1/openapi.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/application\/json/);
  const doc = await res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/conversations', '/v1/batch', '/v1/analytics/overview']));
});
