/**
 * Settings › Account as a user drives it: changing the password keeps this browser signed in and signs the
 * others out; a forgotten password is reset by e-mailed link, once; "Sign out everywhere" ends every session.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { PASSWORD, signUpNewUser } from './helpers';

const SHOTS = process.env.E2E_SCREENSHOTS;

async function signInElsewhere(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  return { context, page };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectSignedOut(page: Page) {
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/sign-in/);
}

test('changing the password keeps this session, signs out the others, and the new password works', async ({ page, browser }) => {
  const email = await signUpNewUser(page, 'Password Co');
  const other = await signInElsewhere(browser, email);

  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Password' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/settings-account.png`, fullPage: true });

  await page.getByLabel('Current password').fill('not-my-password-1');
  await page.getByLabel('New password').fill('brand-new-pass-2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password')).toBeVisible();

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill('brand-new-pass-2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Password changed/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Password' })).toBeVisible();
  await page.goto('/overview');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expectSignedOut(other.page);
  await other.context.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText('Wrong email or password')).toBeVisible();
  await signIn(page, email, 'brand-new-pass-2');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test('sign out everywhere ends this session and every other one', async ({ page, browser }) => {
  const email = await signUpNewUser(page, 'Everywhere Co');
  const other = await signInElsewhere(browser, email);
  await page.goto('/settings/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('group', { name: 'Confirm signing out everywhere' }).getByRole('button', { name: 'Sign out all sessions' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectSignedOut(page);
  await expectSignedOut(other.page);
  await other.context.close();
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test('a forgotten password is reset by the e-mailed link, which works once', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'reads the e-mailed link from dev_mail');
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    const email = await signUpNewUser(page, 'Reset Co');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'E-mail me a reset link' }).click();
    await expect(page.getByText(/If an account uses that address/)).toBeVisible();

    let link = '';
    await expect
      .poll(async () => {
        const [mail] = await sql<{ text: string }[]>`SELECT text FROM dev_mail WHERE "to" = ${email} ORDER BY created_at DESC LIMIT 1`;
        link = mail?.text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
        return link;
      })
      .not.toBe('');
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reset-password.png`, fullPage: true });
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText('Use at least 10 characters')).toBeVisible();
    await page.getByLabel('New password').fill('reset-pass-3');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText(/Your password is changed/)).toBeVisible();

    await page.goto(new URL(link).pathname);
    await expect(page.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reset-password-used.png`, fullPage: true });

    await signIn(page, email, 'reset-pass-3');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  } finally {
    await sql.end();
  }
});

test('a signed-in user without a workspace names a first one at onboarding', async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'removes the membership in the database');
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    const email = await signUpNewUser(page, 'Leaving Co');
    // Removed from their only team (what a new GitHub/Google user is from the start).
    await sql`DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = ${email})`;
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole('heading', { name: 'Name your workspace' })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/onboarding.png`, fullPage: true });
    await page.getByLabel('Workspace name').fill('x');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByText(/at least 2 characters/)).toBeVisible();
    await page.getByLabel('Workspace name').fill('Second Home');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByText('Second Home', { exact: true })).toBeVisible();
    await page.goto('/onboarding');
    await expect(page).toHaveURL(/\/overview$/);
  } finally {
    await sql.end();
  }
});
