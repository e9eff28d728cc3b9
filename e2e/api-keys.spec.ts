import { expect, test } from '@playwright/test';
import { signUpNewUser } from './helpers';

test('an admin creates an API key, sees it once, and revokes it', async ({ page }) => {
  await signUpNewUser(page, 'Key Makers');
  await page.goto('/settings/api-keys');
  await expect(page.getByText('No keys yet')).toBeVisible();

  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Name the key')).toBeVisible();

  await page.getByLabel('Key name').fill('Website widget');
  await page.getByRole('checkbox', { name: /Read/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('new-api-key').textContent();
  expect(key).toMatch(/^cfk_[0-9A-Za-z]{32}$/);

  const row = page.getByRole('row', { name: /Website widget/ });
  await expect(row).toContainText(key!.slice(0, 12));
  await expect(row).toContainText('ingest');
  await expect(row).toContainText('read');
  await expect(page.getByText(key!)).toBeVisible();

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(key!)).toHaveCount(0);

  await row.getByRole('button', { name: 'Revoke Website widget' }).click();
  await row.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(row).toContainText('Revoked');
});
