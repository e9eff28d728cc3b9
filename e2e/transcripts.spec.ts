import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signUpNewUser } from './helpers';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function batch() {
  const items: unknown[] = [];
  const add = (type: string, body: Record<string, unknown>) => items.push({ id: `item-${items.length}`, type, body });
  const conv = (id: string, startMin: number, customerId: string, lines: [string, string][], extra: () => void = () => {}) => {
    add('conversation', { id, avatarId: 'shop-bot', customerId, device: 'desktop', startedAt: minutesAgo(startMin) });
    lines.forEach(([role, content], i) => add('message', { conversationId: id, role, content, createdAt: minutesAgo(startMin - i - 1), tokens: role === 'assistant' ? { prompt: 30, completion: 12 } : undefined }));
    extra();
  };
  conv('e2e-refund', 50, 'cust-a', [['user', 'This is terrible, I want a refund for order 42'], ['assistant', 'Let me get a human for you.']], () =>
    add('action', { conversationId: 'e2e-refund', name: 'fallback_to_human', startedAt: minutesAgo(47) }));
  conv('e2e-happy', 40, 'cust-b', [['user', 'Lovely service, thank you so much!'], ['assistant', 'Happy to help <b>anytime</b>']], () =>
    add('conversation.end', { conversationId: 'e2e-happy', endedAt: minutesAgo(37) }));
  conv('e2e-formula', 30, 'cust-c', [['user', '=HYPERLINK("http://evil")'], ['assistant', 'Привет! 你好']]);
  return { batch: items };
}

async function createKey(page: Page) {
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('Key name').fill('Transcripts e2e');
  await page.getByRole('checkbox', { name: /Read/ }).check();
  await page.getByRole('checkbox', { name: /Admin/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();
  await page.getByRole('button', { name: 'Done' }).click();
  return key;
}

const dataRows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('cell') });
const rowIds = async (page: Page) =>
  (await page.getByRole('link', { name: /^Open conversation / }).evaluateAll((links) => links.map((l) => l.getAttribute('aria-label')!.replace('Open conversation ', ''))));

test('review, filter, search, step through, export and delete transcripts', async ({ page, request, browser }) => {
  await signUpNewUser(page, 'Transcript Team');
  const key = await createKey(page);
  const res = await request.post('/v1/batch', { headers: { authorization: `Bearer ${key}` }, data: batch() });
  expect(res.status()).toBe(207);

  await page.goto('/transcripts');
  await expect(dataRows(page)).toHaveCount(3);
  await expect.poll(() => rowIds(page)).toEqual(['e2e-formula', 'e2e-happy', 'e2e-refund']);

  await page.getByLabel('Sentiment').selectOption('negative');
  await expect(page).toHaveURL(/sentiment=negative/);
  await expect(dataRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dataRows(page)).toHaveCount(3);

  await page.getByLabel('Search messages').fill('REFUND');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=REFUND/);
  await expect(dataRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dataRows(page)).toHaveCount(3);

  // Sort by messages via the column header, then open a conversation and step to the next one.
  await page.getByRole('link', { name: 'Started' }).click();
  await expect(page).toHaveURL(/order=asc/);
  await expect.poll(() => rowIds(page)).toEqual(['e2e-refund', 'e2e-happy', 'e2e-formula']);
  await page.getByRole('cell', { name: /Lovely service/ }).click();
  await expect(page.getByRole('heading', { name: 'Conversation e2e-happy' })).toBeVisible();
  await expect(page.getByText('Happy to help <b>anytime</b>')).toBeVisible();
  await expect(page).toHaveURL(/order=asc/);
  await page.getByRole('link', { name: 'Next conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Conversation e2e-formula' })).toBeVisible();
  await page.getByRole('link', { name: 'Previous conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Conversation e2e-happy' })).toBeVisible();
  await page.getByRole('link', { name: 'Previous conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Conversation e2e-refund' })).toBeVisible();
  await expect(page.getByText('Escalation', { exact: true })).toBeVisible();
  await expect(page.getByText('fallback_to_human')).toBeVisible();

  // Export what the filtered table shows.
  await page.goto('/transcripts?escalated=false');
  await expect(dataRows(page)).toHaveCount(2);
  const shown = await rowIds(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  const csv = await fs.readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,/);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  // The same filter, a row per message, conversation by conversation in the table's order.
  const messagesPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export messages' }).click();
  const messagesCsv = await fs.readFile((await (await messagesPromise).path())!, 'utf8');
  const messageLines = messagesCsv.trim().split('\r\n');
  expect(messageLines[0]).toMatch(/^conversation_id,/);
  expect([...new Set(messageLines.slice(1).map((l) => l.split(',')[0]))]).toEqual(shown);

  // Delete a conversation (admin, with confirmation); it leaves the list.
  await page.goto('/transcripts/e2e-formula');
  await page.getByRole('button', { name: 'Delete conversation…' }).click();
  await page.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(page).toHaveURL(/\/transcripts$/);
  await expect(dataRows(page)).toHaveCount(2);

  // Another team never sees these transcripts.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUpNewUser(stranger, 'Other Team');
  const foreign = await stranger.goto('/transcripts/e2e-refund');
  expect(foreign?.status()).toBe(404);
  await expect(stranger.getByText(/could not be found|not found/i).first()).toBeVisible();
  await expect(stranger.getByText('I want a refund')).toHaveCount(0);
  await stranger.goto('/transcripts');
  await expect(stranger.getByText('e2e-refund')).toHaveCount(0);
  await other.close();
});
