import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { PASSWORD, signUpNewUser, uniqueEmail } from './helpers';

/** Invites `email` as `role` from Settings › Team and reads the link from the copy box. */
async function invite(page: Page, email: string, role: string) {
  await page.goto('/settings/team');
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** A fresh browser (no session) signs up from the invitation link and lands in the workspace. */
async function signUpFromLink(browser: Browser, link: string, workspace: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Join ${workspace} on Confab` })).toBeVisible();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('complementary').getByText(workspace).first()).toBeVisible();
  return page;
}

test('an owner invites a viewer, who signs up from the link, reads but cannot edit', async ({ page, browser }) => {
  await signUpNewUser(page, 'Team Co');
  await page.goto('/settings/avatars');
  await page.getByLabel('Name', { exact: true }).fill('Support Bot');
  await page.getByLabel('Avatar id').fill('support-bot');
  await page.getByRole('button', { name: 'Add avatar' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'support-bot' })).toBeVisible();

  const viewerEmail = uniqueEmail();
  const link = await invite(page, viewerEmail, 'viewer');
  await page.screenshot({ path: 'test-results/team-invite-link.png', fullPage: true });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: viewerEmail })).toContainText('viewer');
  await page.screenshot({ path: 'test-results/team-settings-owner.png', fullPage: true });

  const invitePage = await (await browser.newContext()).newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByLabel('Email')).toHaveValue(viewerEmail);
  await expect(invitePage.getByLabel('Email')).toBeDisabled();
  await invitePage.screenshot({ path: 'test-results/team-invite-page.png', fullPage: true });
  await invitePage.context().close();

  const viewer = await signUpFromLink(browser, link, 'Team Co');

  // Data, without edit controls.
  await viewer.goto('/settings/avatars');
  await expect(viewer.getByRole('row').filter({ hasText: 'support-bot' })).toContainText('Support Bot');
  await expect(viewer.getByRole('button', { name: 'Add avatar' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Delete Support Bot/ })).toHaveCount(0);
  await viewer.goto('/settings/team');
  await expect(viewer.getByRole('row').filter({ hasText: viewerEmail })).toContainText('viewer');
  await expect(viewer.getByRole('form', { name: 'Invite someone' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await viewer.screenshot({ path: 'test-results/team-settings-viewer.png', fullPage: true });

  // A forced edit: the disabled settings form re-enabled and submitted anyway is refused by the server.
  await viewer.goto('/settings');
  await expect(viewer.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await viewer.locator('fieldset').evaluate((fieldset: HTMLFieldSetElement) => (fieldset.disabled = false));
  await viewer.getByLabel('Workspace name').fill('Hijacked');
  await viewer.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await expect(viewer.getByText('This needs the admin role or higher.')).toBeVisible();
  await viewer.reload();
  await expect(viewer.getByLabel('Workspace name')).toHaveValue('Team Co');

  // The link was single use.
  await viewer.goto(link);
  await expect(viewer.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();
  await viewer.screenshot({ path: 'test-results/team-invite-used.png', fullPage: true });

  // The owner's audit log shows the invitation and the join.
  await page.goto('/settings/audit-log');
  await expect(page.getByRole('row').filter({ hasText: 'invitation.created' }).first()).toBeVisible();
  // The join is recorded with the visitor's address (a sign-up from the link has no session to carry it).
  await expect(page.getByRole('row').filter({ hasText: 'invitation.accepted' }).first()).toContainText(/127\.0\.0\.1|::1/);
  await page.screenshot({ path: 'test-results/team-audit-log.png', fullPage: true });
});

test('an admin cannot remove the owner, not even with a forged request', async ({ page, browser }) => {
  const ownerEmail = await signUpNewUser(page, 'Guarded Co');
  const adminEmail = uniqueEmail();
  const viewerEmail = uniqueEmail();
  const adminLink = await invite(page, adminEmail, 'admin');
  const viewerLink = await invite(page, viewerEmail, 'viewer');
  // Signed in as someone else (the owner), the link asks to switch accounts and joins no one.
  await page.goto(adminLink);
  await expect(page.getByRole('heading', { name: 'This invitation is for another account' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out and switch account' })).toBeVisible();
  await page.screenshot({ path: 'test-results/team-invite-wrong-account.png', fullPage: true });
  const admin = await signUpFromLink(browser, adminLink, 'Guarded Co');
  await (await signUpFromLink(browser, viewerLink, 'Guarded Co')).context().close();

  await page.goto('/settings/team');
  await expect(page.getByRole('button', { name: `Transfer ownership ${adminEmail}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/team-settings-owner-members.png', fullPage: true });

  await admin.goto('/settings/team');
  await expect(admin.getByRole('row').filter({ hasText: ownerEmail })).toContainText('owner');
  await expect(admin.getByRole('button', { name: `Remove ${ownerEmail}` })).toHaveCount(0);
  await expect(admin.getByRole('button', { name: `Remove ${viewerEmail}` })).toBeVisible();
  await admin.screenshot({ path: 'test-results/team-settings-admin.png', fullPage: true });

  // Forge the viewer's removal into the owner's: swap the user id in the action's request body.
  const sql = postgres(process.env.DATABASE_URL as string, { max: 1 });
  const ids = Object.fromEntries((await sql`SELECT email, id FROM users WHERE email IN (${ownerEmail}, ${viewerEmail})`).map((r) => [r.email, r.id as string]));
  await sql.end();
  await admin.route('**/settings/team', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
    return route.continue({ postData: (request.postData() ?? '').replaceAll(ids[viewerEmail], ids[ownerEmail]) });
  });
  await admin.getByRole('button', { name: `Remove ${viewerEmail}` }).click();
  await admin.getByRole('button', { name: 'Confirm remove' }).click();
  await expect(admin.getByText('Only owners change or remove owners.')).toBeVisible();
  await admin.unroute('**/settings/team');

  await admin.reload();
  await expect(admin.getByRole('row').filter({ hasText: ownerEmail })).toContainText('owner');
  await expect(admin.getByRole('row').filter({ hasText: viewerEmail })).toBeVisible();
});
