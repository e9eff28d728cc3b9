import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signUpWithConversations } from './analytics-fixtures';

let slack: Server;
let slackUrl = '';
const posts: string[] = [];

// A Slack incoming webhook stand-in on loopback: records each POST and answers "ok" as Slack does.
test.beforeAll(async () => {
  slack = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/e2e`;
});
test.afterAll(() => new Promise<void>((resolve) => slack.close(() => resolve())));

test('the escalation-rate rule from its template: preview, save, check now, firing, history', async ({ page, request }) => {
  // 3 conversations in the last 24 hours, one escalated: 33 % against the template's 10 %.
  await signUpWithConversations(page, request, 'Alert Makers');
  await page.getByRole('navigation').getByRole('link', { name: 'Alerts' }).first().click();
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await expect(page.getByText('No alert rules yet')).toBeVisible();

  await page.getByRole('link', { name: 'Use template Escalation rate exceeds 10 %' }).click();
  await expect(page.getByRole('heading', { name: 'New alert: Escalation rate exceeds 10 %' })).toBeVisible();
  await expect(page.getByLabel('Metric')).toHaveValue('escalation_rate');
  await expect(page.getByLabel('Threshold (%)')).toHaveValue('10');
  // The live preview: the last 30 days replayed hourly. The escalations 5 and 400 hours ago each keep their 24 h
  // windows over 10 %: two firings, the second still on.
  await expect(page.getByTestId('preview-summary')).toContainText(/Would have fired 2 times, \d+ h in alert, and would be firing now\./);
  await expect(page.getByTestId('firing-interval')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/alerts-form.png', fullPage: true });

  // A bad Slack URL is refused under its field and saves nothing.
  await page.getByLabel('Slack incoming-webhook URL').fill('ftp://hooks.example.com/x');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByLabel('Slack incoming-webhook URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must be an http or https URL')).toBeVisible();

  await page.getByLabel('Slack incoming-webhook URL').fill(slackUrl);
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('heading', { name: 'Escalation rate above 10 %', level: 1 })).toBeVisible();
  await expect(page.getByTestId('alert-state')).toHaveText('Not checked yet');
  await expect(page.getByText('No transitions yet')).toBeVisible();

  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('Checked: the rule fired.')).toBeVisible();
  await expect(page.getByTestId('alert-state')).toHaveText('Firing');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByText('Fired')).toBeVisible();
  await expect(history.getByText('33.3 %')).toBeVisible();
  await expect(history.getByText('slack: sent')).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(JSON.parse(posts[0]).text).toContain('Alert firing: Escalation rate above 10 %');
  await page.screenshot({ path: 'test-results/alerts-rule.png', fullPage: true });

  // Checked again (a second later: a pass within a second of the last check is taken for a duplicate and
  // skipped): still breaching, no new event and no second Slack post.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('Checked: no change.')).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(2);
  expect(posts).toHaveLength(1);

  // Snoozed: the list says so.
  await page.getByRole('button', { name: 'Snooze 24 h' }).click();
  await expect(page.getByTestId('alert-state')).toHaveText('Snoozed');
  await page.getByRole('link', { name: '← All alerts' }).click();
  const row = page.getByRole('row', { name: /Escalation rate above 10 %/ });
  await expect(row.getByText('Snoozed')).toBeVisible();
  await expect(row.getByText('33.3 %')).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-list.png', fullPage: true });
});
