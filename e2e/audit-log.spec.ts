import { expect, test } from '@playwright/test';
import { signUpNewUser } from './helpers';

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)$/;

test('an owner sees who changed what from where, filters it, and another team never sees it', async ({ page, browser }) => {
  const email = await signUpNewUser(page, 'Audited Team');
  await page.goto('/settings');
  await page.getByLabel('Inactivity timeout (minutes)').fill('50');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.goto('/settings/audit-log');
  const row = page.getByRole('row', { name: /workspace\.settings_updated/ });
  await expect(row).toContainText(email);
  await expect(row.getByRole('cell').nth(4)).toHaveText(IP);

  await page.getByLabel('Action').selectOption('workspace.settings_updated');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/action=workspace\.settings_updated/);
  await expect(page.getByRole('row')).toHaveCount(2);

  await page.goto('/settings/audit-log?action=a%00b');
  await expect(page.getByText('Some filters in this link were not valid')).toBeVisible();

  const other = await browser.newPage();
  await signUpNewUser(other, 'Other Team');
  await other.goto('/settings/audit-log');
  await expect(other.getByText(email)).toHaveCount(0);
  await other.close();
});

test('an owner deletes the workspace by typing its slug and lands on onboarding to name a new one', async ({ page }) => {
  await signUpNewUser(page, 'Doomed Team');
  await page.goto('/settings');
  const slug = (await page.getByRole('definition').first().textContent())!.trim();
  const remove = page.getByRole('button', { name: 'Delete workspace' });
  await expect(remove).toBeDisabled();
  await page.getByLabel(`Type “${slug}” to confirm`).fill(slug);
  await remove.click();
  await expect(page.getByRole('heading', { name: 'Name your workspace' })).toBeVisible();
  await page.getByLabel('Workspace name').fill('Second Try');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});
