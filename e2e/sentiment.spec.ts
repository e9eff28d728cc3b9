import { expect, test } from '@playwright/test';
import { signUpWithConversations } from './analytics-fixtures';

test('Sentiment shows the split over time, by avatar and source, and links the most negative conversations', async ({ page, request }) => {
  await signUpWithConversations(page, request, 'Sentiment Co');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sentiment' }).click();
  await expect(page).toHaveURL(/\/sentiment$/);

  for (const name of ['Positive', 'Neutral', 'Negative', 'Mean score']) {
    await expect(page.getByRole('region', { name, exact: true })).not.toContainText('—');
  }
  const negative = page.getByRole('region', { name: 'Negative', exact: true });
  await expect(negative).toContainText('3 conversations');
  for (const name of ['Share of conversations by sentiment', 'Mean sentiment score', 'Sentiment by avatar', 'Sentiment by source', 'Most negative recent conversations']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
    await expect(page.getByRole('region', { name })).not.toContainText('No scored conversations');
  }
  await expect(page.getByRole('region', { name: 'Sentiment by avatar' }).getByRole('link', { name: 'support-bot' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sentiment by source' }).getByRole('rowheader', { name: 'whatsapp' })).toBeVisible();

  const worst = page.getByRole('region', { name: 'Most negative recent conversations' }).getByRole('link');
  await expect(worst).toHaveCount(3);
  await expect(worst.first()).toHaveAttribute('href', /^\/transcripts\/e2e[a-z0-9]+-c\d+$/);

  await page.getByRole('button', { name: '7 days' }).click();
  await page.getByRole('combobox', { name: 'Avatar' }).selectOption('sales-bot');
  await expect(page).toHaveURL(/period=7d&avatarId=sales-bot/);
  await expect(negative).toContainText('1 conversation');
  await page.reload();
  await expect(negative).toContainText('1 conversation');
  await expect(worst).toHaveCount(1);
});
