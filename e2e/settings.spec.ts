import { expect, test } from '@playwright/test';
import { signUpNewUser } from './helpers';

test('an owner saves the workspace settings, and a bad value gets a field error', async ({ page }) => {
  await signUpNewUser(page, 'Settings Co');
  await page.goto('/settings');
  await expect(page.getByLabel('Timezone')).toHaveValue('UTC');
  await expect(page.getByLabel('Escalation tools')).toHaveValue('fallback_to_human, open_ticket, ticket, contact_human');

  await page.getByLabel('Workspace name').fill('Settings Co Europe');
  await page.getByLabel('Timezone').selectOption('Europe/Berlin');
  await page.getByLabel('Inactivity timeout (minutes)').fill('45');
  await page.getByLabel('Escalation tools').fill('handoff, open_ticket,  handoff');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByLabel('Escalation tools')).toHaveValue('handoff, open_ticket');

  await page.reload();
  await expect(page.getByLabel('Timezone')).toHaveValue('Europe/Berlin');
  await expect(page.getByLabel('Inactivity timeout (minutes)')).toHaveValue('45');
  await expect(page.getByLabel('Workspace name')).toHaveValue('Settings Co Europe');
  await expect(page.getByText('Settings Co Europe', { exact: true }).first()).toBeVisible();

  await page.getByLabel('Inactivity timeout (minutes)').fill('5000');
  await page.getByLabel('Escalation tools').fill('open ticket!');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use at most 1440 minutes (24 hours)')).toBeVisible();
  await expect(page.getByText('"open ticket!" is not a tool name')).toBeVisible();
  await expect(page.getByLabel('Inactivity timeout (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Inactivity timeout (minutes)')).toHaveValue('5000');

  // A timezone the list does not offer (e.g. a tampered form) is refused by the server too.
  await page.getByLabel('Timezone').evaluate((select: HTMLSelectElement) => select.add(new Option('Mars/Olympus_Mons', 'Mars/Olympus_Mons')));
  await page.getByLabel('Timezone').selectOption('Mars/Olympus_Mons');
  await page.getByLabel('Inactivity timeout (minutes)').fill('30');
  await page.getByLabel('Escalation tools').fill('handoff');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Choose a timezone from the list')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Timezone')).toHaveValue('Europe/Berlin');
  await expect(page.getByLabel('Inactivity timeout (minutes)')).toHaveValue('45');
});

test('an admin adds, renames and deletes avatars, with field errors for bad input', async ({ page }) => {
  await signUpNewUser(page, 'Avatar Co');
  await page.goto('/settings/avatars');
  await expect(page.getByText('No avatars yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add avatar' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must not be empty')).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Support Bot');
  await page.getByLabel('Avatar id').fill('support-bot');
  await page.getByLabel('Description').fill('Orders and returns');
  await page.getByRole('button', { name: 'Add avatar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'support-bot' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'support-bot' });
  await expect(row).toContainText('Support Bot');
  await expect(row).toContainText('Orders and returns');

  // The same id again is refused under its field; nothing new appears.
  await page.getByLabel('Name', { exact: true }).fill('Another');
  await page.getByLabel('Avatar id').fill('support-bot');
  await page.getByRole('button', { name: 'Add avatar' }).click();
  await expect(page.getByText('An avatar with id "support-bot" already exists')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'support-bot' })).toHaveCount(1);

  await row.getByRole('button', { name: 'Rename Support Bot' }).click();
  const form = page.getByRole('form', { name: 'Rename Support Bot' });
  await form.getByLabel('Name').fill('Support (EU)');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'support-bot' })).toContainText('Support (EU)');

  await page.reload();
  await page.getByRole('button', { name: 'Delete Support (EU)' }).click();
  await page.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page.getByText('No avatars yet.')).toBeVisible();
});
