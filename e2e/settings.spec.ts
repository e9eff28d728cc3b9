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
