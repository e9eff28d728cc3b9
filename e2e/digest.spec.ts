/**
 * The weekly digest as a member meets it: the switch and the preview on Settings › Notifications, the e-mail
 * `send-digests` leaves in the dev outbox, and its one-click unsubscribe link used signed out.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildBatch, createApiKeyInUi, sendBatch } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '/tmp';
const DAY = 86_400_000;

/** The latest Monday 09:00 UTC (a new workspace's timezone) that has passed: when this week's digest went out. */
function latestSendTime(now = Date.now()): Date {
  const today = new Date(now);
  const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * DAY;
  const send = monday + 9 * 3_600_000;
  return new Date(send <= now ? send : send - 7 * DAY);
}

test('toggle the digest, see its preview, get it by e-mail and unsubscribe in one click, signed out', async ({ page, request, browser, baseURL }) => {
  await signUpNewUser(page, 'Digest Co');
  const sendAt = latestSendTime();
  // Conversations of the week the digest covers (hours before its Monday 00:00) and of the weeks before.
  const key = await createApiKeyInUi(page);
  await sendBatch(request, key, buildBatch(`dig${Date.now().toString(36)}`, sendAt.getTime() - 9 * 3_600_000));

  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Weekly digest' })).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'E-mail me the weekly digest' });
  // An owner gets it by default.
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByText('Saved: you will not get the weekly digest.')).toBeVisible();
  await page.reload();
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(page.getByText('Saved: you will get the weekly digest.')).toBeVisible();

  const preview = page.frameLocator('iframe[title="Preview of the weekly digest"]');
  await expect(preview.getByRole('heading', { name: 'Digest Co: your week in Confab' })).toBeVisible();
  await expect(preview.getByText('Key figures')).toBeVisible();
  // The e-mail's tables are layout tables (role=presentation), so rows are found by their text.
  await expect(preview.locator('tr', { hasText: /^Conversations/ })).toContainText('6');
  await expect(preview.getByRole('link', { name: /^Most negative:/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dig-preview.png`, fullPage: true });

  execFileSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'cli.ts'), 'send-digests', '--at', sendAt.toISOString()], {
    env: { ...process.env, NEXTAUTH_URL: baseURL },
    stdio: 'pipe',
  });
  await page.goto('/dev/mail');
  await page.getByRole('link', { name: /^Digest Co: your Confab week/ }).first().click();
  await expect(page.getByText('List-Unsubscribe-Post')).toBeVisible();
  const mail = page.frameLocator('iframe[title^="HTML of"]');
  await expect(mail.getByRole('heading', { name: 'Digest Co: your week in Confab' })).toBeVisible();
  await expect(page.getByText('Top escalation reasons')).toBeVisible(); // the text part
  await page.screenshot({ path: `${SHOTS}/dig-mail.png`, fullPage: true });
  const header = await page.locator('dd', { hasText: /^<http/ }).textContent();
  const unsubscribe = header!.replace(/^<|>$/g, '');

  const visitor = await browser.newContext();
  const signedOut = await visitor.newPage();
  await signedOut.goto(unsubscribe);
  await expect(signedOut.getByRole('heading', { name: 'Unsubscribe from the weekly digest?' })).toBeVisible();
  await signedOut.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(signedOut.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  await signedOut.screenshot({ path: `${SHOTS}/dig-unsubscribed.png` });
  await visitor.close();

  await page.goto('/settings/notifications');
  await expect(page.getByRole('switch', { name: 'E-mail me the weekly digest' })).not.toBeChecked();
});
