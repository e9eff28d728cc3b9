import { expect, test, type Page } from '@playwright/test';
import { EXPECTED, signUpWithConversations } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

const kpi = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).getByTestId('kpi-value');
const widget = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

const KPIS = ['Conversations', 'Unique interactions', 'Messages', 'Average duration', 'Completion rate', 'Avg. response time', 'Unique users', 'Escalation rate', 'Token usage', 'Feedback'];
const WIDGETS = ['Conversations over time', 'Top avatars', 'Messages and conversations per day', 'Message distribution', 'Peak hours', 'Tool usage', 'Devices', 'Sources', 'Languages', 'Countries'];

test('the Overview draws every widget from the conversations sent through the API', async ({ page, request }) => {
  await signUpWithConversations(page, request, 'Overview Widgets');
  await page.goto('/overview');

  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.last30Days));
  for (const name of KPIS) await expect(kpi(page, name)).not.toHaveText('—');
  await expect(kpi(page, 'Messages')).toHaveText('40');
  await expect(kpi(page, 'Escalation rate')).toHaveText('20.0%');
  for (const name of WIDGETS) {
    await expect(widget(page, name)).toBeVisible();
    await expect(widget(page, name)).not.toContainText(/No [^.]* in this range\./);
  }
  await expect(widget(page, 'Tool usage').getByRole('rowheader', { name: 'search_kb' })).toBeVisible();
  await expect(widget(page, 'Tool usage').getByRole('rowheader', { name: 'fallback_to_human' })).toBeVisible();
  await expect(widget(page, 'Peak hours').getByRole('listitem')).toHaveCount(7 * 24);
  await expect(widget(page, 'Peak hours').getByText(/Busiest: .+ messages?/)).toBeVisible();
  await expect(widget(page, 'Message distribution').getByRole('listitem').filter({ hasText: 'User' })).toContainText('20');
  await expect(widget(page, 'Devices')).toContainText('Mobile');
  await expect(widget(page, 'Sources')).toContainText('whatsapp');
  await expect(widget(page, 'Top avatars').getByRole('link', { name: 'support-bot' })).toBeVisible();
});

test('range, avatar and granularity live in the URL, change the figures and survive a reload', async ({ page, request }) => {
  await signUpWithConversations(page, request, 'Overview Filters');
  await page.goto('/overview');
  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.last30Days));

  await page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: '7 days' }).click();
  await expect(page).toHaveURL(/[?&]period=7d/);
  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.last7Days));

  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('support-bot');
  await expect(page).toHaveURL(/avatarId=support-bot/);
  await expect(kpi(page, 'Conversations')).toHaveText('4');
  await expect(widget(page, 'Top avatars')).toHaveCount(0);

  await page.getByRole('group', { name: 'Group by' }).getByRole('button', { name: 'Week' }).click();
  await expect(page).toHaveURL(/groupBy=week/);
  await expect(page.getByRole('group', { name: 'Group by' }).getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(kpi(page, 'Conversations')).toHaveText('4');
  await expect(page.getByRole('combobox', { name: 'Avatar' })).toHaveValue('support-bot');
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');

  // A custom range that covers only the older conversations.
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('button', { name: 'Custom' }).click();
  await page.getByLabel('From', { exact: true }).fill(day(25));
  await page.getByLabel('To', { exact: true }).fill(day(8));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`start=${day(25)}&end=${day(8)}`));
  await expect(kpi(page, 'Conversations')).toHaveText('3');
  await page.reload();
  await expect(kpi(page, 'Conversations')).toHaveText('3');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(day(25));

  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('');
  await expect(page).not.toHaveURL(/avatarId=/);
  await expect(kpi(page, 'Conversations')).toHaveText('4');
});

test('top avatars open the per-avatar view, which keeps the range; avatars list links there too', async ({ page, request }) => {
  await signUpWithConversations(page, request, 'Avatar Views');
  await page.goto('/overview?period=90d');
  await widget(page, 'Top avatars').getByRole('link', { name: 'sales-bot' }).click();
  await expect(page).toHaveURL(/\/avatars\/sales-bot\?period=90d$/);
  await expect(page.getByRole('heading', { name: 'sales-bot', level: 1 })).toBeVisible();
  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.salesBot30Days));
  await expect(widget(page, 'Message distribution')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Avatars' }).click();
  await expect(page).toHaveURL(/\/avatars$/);
  const row = page.getByRole('row', { name: /support-bot/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(EXPECTED.supportBot30Days));
  await row.getByRole('link', { name: 'support-bot', exact: true }).click();
  await expect(page).toHaveURL(/\/avatars\/support-bot$/);
  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.supportBot30Days));

  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('sales-bot');
  await expect(page).toHaveURL(/\/avatars\/sales-bot$/);
  await expect(kpi(page, 'Conversations')).toHaveText(String(EXPECTED.salesBot30Days));

  await page.goto('/avatars/no-such-avatar');
  await expect(page.getByRole('heading', { name: 'Avatar not found' })).toBeVisible();
});

test("another workspace sees none of these conversations, and not their avatars' pages", async ({ page, request, browser }) => {
  await signUpWithConversations(page, request, 'Tenant A');
  const other = await browser.newPage();
  await signUpNewUser(other, 'Tenant B');
  await expect(other.getByRole('heading', { name: 'Send your first conversation' })).toBeVisible();
  await other.goto('/avatars/support-bot');
  await expect(other.getByRole('heading', { name: 'Avatar not found' })).toBeVisible();
  await other.goto('/avatars');
  await expect(other.getByText('No avatars yet')).toBeVisible();
  await other.close();
});
