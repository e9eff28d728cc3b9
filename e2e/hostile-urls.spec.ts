import { expect, test, type Page } from '@playwright/test';
import { signUpNewUser } from './helpers';

// Hand-edited and tampered links: the dashboard answers with its not-found page or its filter notice, never an error page.

async function seedOneConversation(page: Page) {
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('Key name').fill('Hostile URLs e2e');
  await page.getByRole('checkbox', { name: /Ingest/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();
  await page.getByRole('button', { name: 'Done' }).click();
  const res = await page.request.post('/v1/conversations', {
    headers: { authorization: `Bearer ${key}` },
    data: { id: 'hostile-kept', avatarId: 'shop-bot', startedAt: new Date(Date.now() - 10 * 60_000).toISOString() },
  });
  expect(res.status()).toBeLessThan(300);
}

const openLink = (page: Page) => page.getByRole('link', { name: 'Open conversation hostile-kept' });
// Next's own error page, or a dashboard error boundary.
const errorPage = (page: Page) => page.getByText(/Application error|Internal Server Error|could not be loaded|Something went wrong/i);

test('tampered transcript, funnel, avatar and analytics links show not-found or the filter notice', async ({ page }) => {
  await signUpNewUser(page, 'Hostile URL Team');
  await seedOneConversation(page);

  for (const path of ['/transcripts/%00', '/transcripts/a%00b', `/transcripts/${'x'.repeat(5000)}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path.slice(0, 40)).toBe(404);
    await expect(page.getByText(/could not be found|not found/i).first()).toBeVisible();
    await expect(errorPage(page)).toHaveCount(0);
  }
  // An escape that is not UTF-8 is refused by the proxy (400) before any page runs; Next.js alone would 500.
  for (const path of ['/transcripts/%ED%A0%80', '/goals/funnels/%FF', '/invite/%C0%AF']) {
    expect((await page.goto(path))?.status(), path).toBe(400);
  }

  // (Funnels stream behind a loading state, so their not-found page arrives with status 200, as funnels.spec knows.)
  for (const [path, heading] of [['/goals/funnels/%00', 'Funnel not found'], ['/avatars/%00', 'Avatar not found'], [`/avatars/${'y'.repeat(5000)}`, 'Avatar not found']] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path.slice(0, 40)).toBeLessThan(500);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }

  for (const query of ['avatarId=%00', 'avatar=%00', 'source=a%00b', 'sort=id', 'start=2024-02-30']) {
    const res = await page.goto(`/transcripts?${query}`);
    expect(res?.status(), query).toBe(200);
    await expect(page.getByText('Some filters in this link were not valid, so all conversations are shown.')).toBeVisible();
    await expect(openLink(page)).toBeVisible();
    await expect(errorPage(page)).toHaveCount(0);
  }

  for (const cursor of ['garbage', 'eyJrIjoxfQ', 'x'.repeat(3000)]) {
    const res = await page.goto(`/transcripts?cursor=${cursor}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByText('This page link is out of date or was changed, so the first page is shown.')).toBeVisible();
    await expect(openLink(page)).toBeVisible();
    await expect(errorPage(page)).toHaveCount(0);
  }

  // Repeated parameters use their first value.
  expect((await page.goto('/transcripts?sort=messages&sort=bogus&order=asc&order=desc'))?.status()).toBe(200);
  await expect(openLink(page)).toBeVisible();
  await expect(page.getByText(/were not valid/)).toHaveCount(0);

  const viewer = await page.goto('/transcripts/hostile-kept?source=%00');
  expect(viewer?.status()).toBe(200);
  await expect(page.getByText(/Some filters in this link were not valid/)).toBeVisible();

  for (const path of ['/overview?period=13d', '/overview?avatarId=%00', '/sentiment?groupBy=year', '/goals?start=2024-13-01&end=2024-12-01']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByText(/not valid/).first()).toBeVisible();
    await expect(errorPage(page)).toHaveCount(0);
  }

  const exported = await page.request.get('/transcripts/export?q=%00');
  expect(exported.status()).toBe(422);
  expect(await exported.json()).toMatchObject({ error: { code: 'validation_error' } });
  // Next hands the handler invalid UTF-8 as U+FFFD: ordinary text, which matches nothing here.
  const replaced = await page.request.get('/transcripts/export?q=%ED%A0%80');
  expect(replaced.status()).toBe(200);
  expect((await replaced.text()).trim().split('\r\n')).toHaveLength(1);
});
