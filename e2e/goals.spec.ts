import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signUpWithConversations } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

const SHOTS = process.env.GOALS_SHOTS_DIR ?? '/tmp/shots-goals';
mkdirSync(SHOTS, { recursive: true });

const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const figure = (page: Page, goal: string, label: string) => card(page, goal).getByRole('region', { name: label, exact: true });

/** The page refreshes itself while a back-fill runs; wait until this goal's says it is done. */
async function waitForBackfill(page: Page, goal: string) {
  await expect(card(page, goal).getByText('Up to date')).toBeVisible({ timeout: 45_000 });
}

test('create goals from a template and a custom pattern, see back-filled completions, open a completing transcript', async ({ page, browser, request }) => {
  // Ten conversations over the last 20 days: five open with "Where is my order 4411?", two users say "Thanks".
  await signUpWithConversations(page, request, 'Goals Co');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No goals yet' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Goals and funnels' }).getByRole('link', { name: 'Funnels' })).toHaveAttribute('href', '/goals/funnels');
  await page.screenshot({ path: `${SHOTS}/01-empty.png`, fullPage: true });

  // A template: the form opens prefilled; the name can be changed before saving.
  await page.getByRole('link', { name: 'Use template Question answered' }).click();
  const form = page.getByRole('region', { name: /New goal from/ });
  await expect(form.getByLabel('Goal name')).toHaveValue('Question answered');
  await expect(form.getByLabel('Phrases, one per line')).toHaveValue(/^thanks\nthank you/);
  await page.screenshot({ path: `${SHOTS}/02-template-form.png`, fullPage: true });
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(form).toBeHidden();
  await waitForBackfill(page, 'Question answered');
  await expect(figure(page, 'Question answered', 'Completions')).toContainText('2');
  await expect(figure(page, 'Question answered', 'Completion rate')).toContainText('20.0%');

  // A custom pattern goal: an invalid RE2 pattern is refused with the reason under the field.
  await page.getByRole('link', { name: 'Create custom goal' }).click();
  const custom = page.getByRole('region', { name: 'New custom goal' });
  await custom.getByLabel('Goal name').fill('Asked about an order');
  await expect(custom.getByRole('radio', { name: 'Message pattern' })).toBeChecked();
  await custom.getByLabel('Pattern', { exact: true }).fill('order (?=\\d+)');
  await custom.getByRole('button', { name: 'Create goal' }).click();
  await expect(custom.getByText(/Invalid pattern: invalid perl operator/)).toBeVisible();
  await expect(custom.getByLabel('Pattern', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/03-invalid-pattern.png`, fullPage: true });
  await custom.getByLabel('Pattern', { exact: true }).fill('(?i)order \\d+');
  await custom.getByRole('button', { name: 'Create goal' }).click();
  await expect(custom).toBeHidden();

  await waitForBackfill(page, 'Asked about an order');
  const orders = card(page, 'Asked about an order');
  await expect(figure(page, 'Asked about an order', 'Completions')).toContainText('5');
  await expect(figure(page, 'Asked about an order', 'Completion rate')).toContainText('50.0%');
  await expect(orders.getByRole('rowheader', { name: 'support-bot' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'All goals' })).toContainText('of 10 conversations completed at least one goal');
  await page.screenshot({ path: `${SHOTS}/04-goals.png`, fullPage: true });

  // The 7-day range holds six of the conversations; the filter lives in the URL.
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page).toHaveURL(/period=7d/);
  await expect(figure(page, 'Asked about an order', 'Conversations')).toContainText('6');

  // Every completing conversation is one click away.
  const latest = orders.getByRole('link', { name: /^Open conversation / });
  await expect(latest.first()).toBeVisible();
  const id = (await latest.first().getAttribute('aria-label'))!.replace('Open conversation ', '');
  await latest.first().click();
  await expect(page.getByRole('heading', { name: `Conversation ${id}` })).toBeVisible();
  await expect(page.getByText('Where is my order 4411?')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/05-transcript.png`, fullPage: true });
  await page.goBack();
  await orders.getByRole('link', { name: /completing conversations →$/ }).click();
  await expect(page).toHaveURL(/\/transcripts\?goal=goal_[\w-]+&period=7d/);
  await expect(page.getByRole('link', { name: /^Open conversation / })).toHaveCount(3);

  // Edit (rename) and delete with confirmation.
  await page.goto('/goals');
  await card(page, 'Question answered').getByRole('link', { name: 'Edit Question answered' }).click();
  const edit = page.getByRole('region', { name: 'Edit “Question answered”' });
  await edit.getByLabel('Goal name').fill('Said thanks');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(card(page, 'Said thanks')).toBeVisible();
  await expect(card(page, 'Said thanks').getByText('Up to date')).toBeVisible();
  const goalUrl = page.url();
  await card(page, 'Said thanks').getByRole('button', { name: 'Delete Said thanks' }).click();
  await card(page, 'Said thanks').getByRole('button', { name: 'Delete goal' }).click();
  await expect(card(page, 'Said thanks')).toBeHidden();
  await expect(card(page, 'Asked about an order')).toBeVisible();
  expect(goalUrl).toMatch(/\/goals$/);

  // Another team sees none of it, even with a goal's id in the URL.
  const editHref = await card(page, 'Asked about an order').getByRole('link', { name: 'Edit Asked about an order' }).getAttribute('href');
  const other = await browser.newContext();
  const outsider = await other.newPage();
  await signUpNewUser(outsider, 'Other Co');
  await outsider.goto(editHref!);
  await expect(outsider.getByText('That goal no longer exists.')).toBeVisible();
  await expect(outsider.getByText('Asked about an order')).toHaveCount(0);
  await other.close();
});
