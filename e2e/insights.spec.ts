/**
 * The Overview's world map and escalation section: drawn from conversations sent through the API, each
 * country and escalation row leading to the matching transcripts; another team sees none of it.
 */
import { expect, test, type Page } from '@playwright/test';
import { buildBatch, createApiKeyInUi, sendBatch, signUpWithConversations } from './analytics-fixtures';
import { signUpNewUser } from './helpers';

const widget = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const dataRows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('cell') });

/** Two more escalations, an hour ago: Singapore (a microstate marker) escalated by the end call, Malta by open_ticket. */
function extraBatch(prefix: string) {
  const at = (seconds: number) => new Date(Date.now() - 3_600_000 + seconds * 1000).toISOString();
  const conversation = (id: string, ip: string, text: string) => [
    { id: `${id}-start`, type: 'conversation', body: { id, avatarId: 'support-bot', customerIpAddress: ip, startedAt: at(0) } },
    { id: `${id}-m0`, type: 'message', body: { conversationId: id, id: `${id}-m0`, role: 'user', content: text, createdAt: at(1) } },
    { id: `${id}-m1`, type: 'message', body: { conversationId: id, id: `${id}-m1`, role: 'assistant', content: 'Let me check.', createdAt: at(3) } },
  ];
  return [
    ...conversation(`${prefix}-sg`, '203.116.0.1', 'I want a refund, this bot cannot help me'),
    { id: `${prefix}-sg-end`, type: 'conversation.end', body: { conversationId: `${prefix}-sg`, endedAt: at(30), escalated: true } },
    ...conversation(`${prefix}-mt`, '212.56.128.1', 'Please give me my refund now'),
    { id: `${prefix}-mt-a`, type: 'action', body: { conversationId: `${prefix}-mt`, id: `${prefix}-mt-a`, name: 'open_ticket', startedAt: at(10) } },
  ];
}

async function signUpWithEscalations(page: Page, request: Parameters<typeof signUpWithConversations>[1], workspace: string) {
  const { key } = await signUpWithConversations(page, request, workspace);
  await sendBatch(request, key, extraBatch(`ins${Date.now().toString(36)}`));
}

test('the world map colours countries, marks microstates, and a country click lists its transcripts', async ({ page, request }) => {
  await signUpWithEscalations(page, request, 'Insights Map');
  await page.goto('/overview');
  const map = widget(page, 'Conversations by country');
  await expect(map.getByTestId('world-map')).toBeVisible();
  // US, GB, DE as shapes; Singapore and Malta as circle markers.
  for (const code of ['US', 'GB', 'DE', 'SG', 'MT']) await expect(map.locator(`a[data-country="${code}"]`).first()).toBeAttached();
  await expect(map.locator('a[data-country="SG"] circle')).toHaveCount(1);
  await expect(map.getByLabel('Map legend')).toBeVisible();
  await expect(map.getByRole('row', { name: /United States/ })).toContainText('6');
  await expect(map.getByRole('row', { name: /Singapore/ })).toContainText('1');

  await map.locator('a[data-country="DE"]').first().hover();
  await expect(map.getByRole('tooltip')).toHaveText(/Germany: 2 conversations \(16\.7%\)/);
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: '/tmp/ins-map.png' });

  await map.locator('a[data-country="DE"]').first().click();
  await expect(page).toHaveURL(/\/transcripts\?.*country=DE/);
  await expect(dataRows(page)).toHaveCount(2);
  await expect(page.getByText('Country:')).toBeVisible();
  await page.screenshot({ path: '/tmp/ins-transcripts-country.png' });

  // The table's link (for keyboard users) leads to the same list; Singapore's marker too.
  await page.goBack();
  await widget(page, 'Conversations by country').getByRole('link', { name: 'Singapore', exact: true }).click();
  await expect(page).toHaveURL(/country=SG/);
  await expect(dataRows(page)).toHaveCount(1);

  // Each avatar's page draws its own map; its country links keep the avatar.
  await page.goto('/avatars/support-bot');
  const avatarMap = widget(page, 'Conversations by country');
  await expect(avatarMap.getByRole('row', { name: /United States/ })).toContainText('4');
  await expect(avatarMap.getByRole('link', { name: 'United States', exact: true })).toHaveAttribute('href', /avatarId=support-bot.*country=US|country=US.*avatarId=support-bot/);
});

test('the escalation section breaks escalations down by reason and avatar, and every row lists its transcripts', async ({ page, request }) => {
  await signUpWithEscalations(page, request, 'Insights Escalations');
  await page.goto('/overview');
  const section = widget(page, 'Escalations');
  await expect(section).toContainText('4 escalated conversations');
  await expect(section.getByRole('row', { name: /fallback_to_human/ })).toContainText('2');
  await expect(section.getByRole('row', { name: /open_ticket/ })).toContainText('1');
  await expect(section.getByRole('row', { name: /End call/ })).toContainText('1');
  await expect(section.getByRole('row', { name: /support-bot/ })).toContainText('4');
  await expect(section.getByRole('row', { name: /refund/ })).toContainText('2');
  await expect(section.getByText('“I want a refund, this bot cannot help me”')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: '/tmp/ins-escalations.png' });

  await section.getByRole('link', { name: 'End call (escalated: true)', exact: true }).click();
  await expect(page).toHaveURL(/escalated=true/);
  await expect(page).toHaveURL(/escalationReason=end_call/);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(page.getByText('Escalation reason:')).toBeVisible();

  await page.goBack();
  await widget(page, 'Escalations').getByRole('link', { name: 'fallback_to_human', exact: true }).click();
  await expect(page).toHaveURL(/escalationReason=fallback_to_human/);
  await expect(dataRows(page)).toHaveCount(2);

  await page.goBack();
  await widget(page, 'Escalations').getByRole('link', { name: 'support-bot', exact: true }).click();
  await expect(page).toHaveURL(/escalated=true.*avatarId=support-bot|avatarId=support-bot.*escalated=true/);
  await expect(dataRows(page)).toHaveCount(4);
});

test('another team sees neither the countries nor the escalations; without IPs the map says so', async ({ page, request }) => {
  await signUpWithEscalations(page, request, 'Insights Owner');
  await page.context().clearCookies();
  await signUpNewUser(page, 'Insights Stranger');
  const key = await createApiKeyInUi(page);
  const batch = buildBatch(`str${Date.now().toString(36)}`).filter((item) => item.type !== 'action');
  for (const item of batch) if (item.type === 'conversation') delete item.body.customerIpAddress;
  await sendBatch(request, key, batch);
  await page.goto('/overview');
  await expect(widget(page, 'Conversations by country')).toContainText('No conversation in this range carries a country');
  await expect(widget(page, 'Conversations by country').getByTestId('world-map')).toHaveCount(0);
  await expect(widget(page, 'Escalations')).toContainText('No escalations in this range.');
  await widget(page, 'Conversations by country').screenshot({ path: '/tmp/ins-map-empty.png' });
});
