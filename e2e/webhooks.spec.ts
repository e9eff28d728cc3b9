import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { signUpNewUser } from './helpers';

type Received = { body: string; headers: IncomingHttpHeaders };

let receiver: Server;
let port = 0;
const received: Received[] = [];

// A real endpoint on loopback: it records each request and answers 200.
test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the e2e receiver');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test('an admin adds a webhook, sees its secret once, sends a test and reads its delivery', async ({ page, browser }) => {
  await signUpNewUser(page, 'Hook Makers');
  await page.goto('/settings/webhooks');
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No webhooks yet.')).toBeVisible();

  // Nothing filled in: errors under the URL and the event types.
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByLabel('Endpoint URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Subscribe to at least one event type')).toBeVisible();

  const url = `http://127.0.0.1:${port}/confab`;
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('checkbox', { name: /^message\.created/ }).check();
  await page.getByRole('checkbox', { name: /^conversation\.ended/ }).check();
  await page.getByLabel('Description').fill('E2E receiver');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByText('you won’t see it again')).toBeVisible();
  const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const row = page.getByRole('row', { name: new RegExp(`127\\.0\\.0\\.1:${port}`) });
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('message.created');
  await expect(row).toContainText('No attempts');
  await page.screenshot({ path: 'test-results/webhooks-list.png', fullPage: true });

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
  await row.getByRole('link', { name: url }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/wh_[\w-]+$/);
  const endpointUrl = page.url();
  await expect(page.getByText('No deliveries yet.')).toBeVisible();

  await expect(page.getByLabel('Test event')).toHaveValue('webhook.test');
  await page.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByText('Test webhook.test queued')).toBeVisible();

  await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const { body, headers } = received[0];
  const event = new Webhook(secret).verify(body, headers as Record<string, string>) as { id: string; type: string };
  expect(event.type).toBe('webhook.test');
  expect(headers['webhook-id']).toBe(event.id);

  const delivery = page.getByRole('row', { name: /webhook\.test/ });
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText('Delivered', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery).toContainText('200');
  await page.getByRole('link', { name: 'Delivered' }).click();
  await expect(delivery).toBeVisible();
  await page.getByRole('link', { name: 'Failed' }).click();
  await expect(page.getByText('No failed deliveries.')).toBeVisible();
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await expect(delivery).toContainText('Delivered');
  await page.screenshot({ path: 'test-results/webhooks-delivery-log.png', fullPage: true });

  await delivery.getByRole('link', { name: /Open delivery/ }).click();
  await expect(page.getByRole('heading', { name: 'webhook.test' })).toBeVisible();
  const attempts = page.getByRole('region', { name: /Attempts/ });
  await expect(attempts.getByRole('row').nth(1)).toContainText('200');
  await expect(attempts).toContainText('thanks from the e2e receiver');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText(`"id": "${event.id}"`);
  await page.screenshot({ path: 'test-results/webhooks-delivery-detail.png', fullPage: true });

  // Redelivery sends the same event (same webhook-id) again.
  await page.getByRole('button', { name: 'Redeliver' }).click();
  await expect(page.getByText('Queued again.')).toBeVisible();
  await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(1);
  expect(received[1].headers['webhook-id']).toBe(event.id);

  // Another team can neither see nor reach it.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUpNewUser(stranger, 'Hook Strangers');
  await stranger.goto('/settings/webhooks');
  await expect(stranger.getByText('No webhooks yet.')).toBeVisible();
  await stranger.goto(endpointUrl);
  await expect(stranger.getByRole('heading', { name: 'Webhook not found' })).toBeVisible();
  await stranger.goto('/settings/webhooks/%00');
  await expect(stranger.getByText(/not found/i).first()).toBeVisible();
  await other.close();

  // Rotation shows the new secret once; deleting (after confirming) returns to an empty list.
  await page.goto(endpointUrl);
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await page.getByRole('button', { name: 'Confirm rotate' }).click();
  const rotated = (await page.getByTestId('webhook-secret').textContent())!.trim();
  expect(rotated).not.toBe(secret);
  await page.getByRole('switch', { name: 'Enabled' }).click();
  await expect(page.getByRole('switch', { name: 'Enabled' })).toHaveAttribute('aria-checked', 'false');
  await page.getByRole('button', { name: `Delete ${url}` }).click();
  await page.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
});
