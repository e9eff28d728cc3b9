import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct-horse-9';
export const uniqueEmail = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Signs up a fresh user who owns a new workspace, and lands on the Overview. */
export async function signUpNewUser(page: Page, workspace: string, email = uniqueEmail()) {
  await page.goto('/sign-up');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Workspace name').fill(workspace);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  return email;
}
