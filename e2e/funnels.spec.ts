import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signUpWithConversations } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

// The fixture's ten conversations of the last 30 days each hold two user messages and a search_kb call; two
// of them (5 hours and 400 hours ago, both support-bot) then call fallback_to_human.
const SHOTS = process.env.FUNNEL_SHOTS_DIR ?? '/tmp/shots-funnels';
mkdirSync(SHOTS, { recursive: true });

const chart = (page: Page) => page.getByRole('list', { name: 'Funnel steps' });
const stepItem = (page: Page, n: number) => chart(page).getByRole('listitem').nth(n - 1);
const counts = (page: Page) => chart(page).getByTestId('step-conversations');
const builderStep = (page: Page, n: number) => page.getByRole('listitem', { name: `Step ${n}`, exact: true });

test('build a funnel in the UI, read its chart, filter it, edit and delete it', async ({ page, request }) => {
  await signUpWithConversations(page, request, 'Funnel Builders');
  await page.goto('/goals/funnels');
  await expect(page.getByRole('heading', { name: 'No funnels yet' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/01-empty.png`, fullPage: true });

  const form = page.getByRole('form', { name: 'New funnel' });
  await form.getByLabel('Funnel name').fill('Search to human');
  await builderStep(page, 2).getByLabel('At least this many user messages').fill('2');
  await form.getByRole('button', { name: 'Add step' }).click();
  await expect(builderStep(page, 3).getByLabel('Type')).toHaveValue('tool');
  await form.getByRole('button', { name: 'Add step' }).click();
  await builderStep(page, 4).getByLabel('Tool name').fill('fallback_to_human');
  // Step 3's tool name is still empty: the server's validation shows under that field.
  await form.getByRole('button', { name: 'Create funnel' }).click();
  await expect(builderStep(page, 3).getByText('Must not be empty')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-builder-error.png`, fullPage: true });
  await builderStep(page, 3).getByLabel('Tool name').fill('search_kb');
  await builderStep(page, 4).getByLabel('Label (optional)').fill('Handed to a human');
  await form.getByRole('button', { name: 'Create funnel' }).click();

  await expect(page).toHaveURL(/\/goals\/funnels\/fnl_[\w-]+$/);
  await expect(page.getByRole('region', { name: 'Search to human' })).toBeVisible();
  await expect(counts(page)).toHaveText(['10', '10', '10', '2']);
  await expect(stepItem(page, 1)).toContainText('Conversation started');
  await expect(stepItem(page, 2)).toContainText('2+ user messages');
  await expect(stepItem(page, 3)).toContainText('Tool search_kb');
  await expect(stepItem(page, 3)).toContainText('100.0% continued');
  await expect(stepItem(page, 4)).toContainText('Handed to a human');
  await expect(stepItem(page, 4)).toContainText('20.0% continued');
  await expect(stepItem(page, 4)).toContainText('8 conversations dropped off');
  await expect(stepItem(page, 4)).toContainText('20.0% of step 1');
  await expect(page.getByRole('navigation', { name: 'Funnels' }).getByRole('link', { name: /Search to human/ })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: `${SHOTS}/03-chart-30d.png`, fullPage: true });

  // The range and avatar filters live in the URL, as on the Overview.
  await page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: '7 days' }).click();
  await expect(page).toHaveURL(/\/goals\/funnels\/fnl_[\w-]+\?period=7d$/);
  await expect(counts(page)).toHaveText(['6', '6', '6', '1']);
  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('sales-bot');
  await expect(page).toHaveURL(/avatarId=sales-bot/);
  await expect(counts(page)).toHaveText(['2', '2', '2', '0']);
  await page.reload();
  await expect(counts(page)).toHaveText(['2', '2', '2', '0']);
  await page.screenshot({ path: `${SHOTS}/04-chart-7d-sales-bot.png`, fullPage: true });
  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('');
  await expect(counts(page)).toHaveText(['6', '6', '6', '1']);

  // Edit: drop the message step and move the escalation before the search.
  await page.getByRole('link', { name: 'Edit Search to human' }).click();
  const edit = page.getByRole('form', { name: 'Edit Search to human' });
  await builderStep(page, 2).getByRole('button', { name: 'Remove step 2' }).click();
  await builderStep(page, 3).getByRole('button', { name: 'Move step 3 up' }).click();
  await expect(builderStep(page, 2).getByLabel('Tool name')).toHaveValue('fallback_to_human');
  await edit.getByLabel('Funnel name').fill('Human, then search');
  await page.screenshot({ path: `${SHOTS}/05-edit.png`, fullPage: true });
  await edit.getByRole('button', { name: 'Save funnel' }).click();
  await expect(page.getByRole('region', { name: 'Human, then search' })).toBeVisible();
  // search_kb (21 s) comes before fallback_to_human (62 s), so nobody searches after the handoff.
  await expect(counts(page)).toHaveText(['6', '1', '0']);

  await page.getByRole('button', { name: 'Delete Human, then search' }).click();
  await page.getByRole('button', { name: 'Delete funnel' }).click();
  await expect(page.getByRole('heading', { name: 'No funnels yet' })).toBeVisible();
});

test('another team never sees a funnel, through the dashboard or the API', async ({ page, request, browser }) => {
  const { key } = await signUpWithConversations(page, request, 'Funnel Owners');
  const created = await request.post('/v1/funnels', {
    headers: { Authorization: `Bearer ${key}` },
    data: { name: 'Private funnel', steps: [{ type: 'conversation_started' }, { type: 'tool', name: 'search_kb' }] },
  });
  // The fixture's key has ingest and read, not admin.
  expect(created.status()).toBe(403);
  await page.goto('/goals/funnels');
  await page.getByRole('form', { name: 'New funnel' }).getByLabel('Funnel name').fill('Private funnel');
  await page.getByRole('button', { name: 'Create funnel' }).click();
  await expect(page).toHaveURL(/\/goals\/funnels\/fnl_[\w-]+$/);
  const id = page.url().split('/').pop()!;
  const analytics = await request.get(`/v1/analytics/funnels/${id}?period=30d`, { headers: { Authorization: `Bearer ${key}` } });
  expect(analytics.status()).toBe(200);
  expect((await analytics.json()).steps[0].conversations).toBe(10);

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUpNewUser(stranger, 'Funnel Strangers');
  await stranger.goto(`/goals/funnels/${id}`);
  await expect(stranger.getByRole('heading', { name: 'Funnel not found' })).toBeVisible();
  await stranger.screenshot({ path: `${SHOTS}/06-stranger-not-found.png`, fullPage: true });
  await stranger.goto('/goals/funnels');
  await expect(stranger.getByRole('heading', { name: 'No funnels yet' })).toBeVisible();
  await expect(stranger.getByText('Private funnel')).toHaveCount(0);
  await other.close();
});
