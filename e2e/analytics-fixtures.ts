/**
 * Analytics test data sent the way a customer would: an API key made on Settings › API keys, then one
 * POST /v1/batch. Two avatars; recent conversations (last 3 days) and older ones (10–20 days ago), so the
 * 7-day and 30-day ranges, and the two avatars, show different figures.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signUpNewUser } from './helpers';

type Item = { id: string; type: string; body: Record<string, unknown> };

const HOUR = 3_600_000;
const TEXT = {
  positive: ['Thanks, that was really helpful!', 'Great, that solved it. Wonderful service!'],
  neutral: ['Where is my order 4411?', 'What are your opening hours on Saturday?'],
  negative: ['This is terrible, I am angry and frustrated.', 'Horrible service, I am very disappointed and upset.'],
};

/** [avatar, hours ago, mood, device, source, language, ip, escalates] per conversation. */
const PLAN: [string, number, keyof typeof TEXT, string, string, string, string, boolean][] = [
  ['support-bot', 2, 'positive', 'desktop', 'web', 'en', '8.8.8.8', false],
  ['support-bot', 5, 'negative', 'mobile', 'whatsapp', 'en', '81.2.69.160', true],
  ['support-bot', 30, 'neutral', 'mobile', 'web', 'de', '193.99.144.80', false],
  ['support-bot', 60, 'positive', 'tablet', 'web', 'en', '8.8.8.8', false],
  ['sales-bot', 8, 'positive', 'desktop', 'web', 'en', '8.8.8.8', false],
  ['sales-bot', 50, 'negative', 'mobile', 'viber', 'fr', '81.2.69.160', false],
  ['support-bot', 240, 'neutral', 'desktop', 'web', 'en', '8.8.8.8', false],
  ['support-bot', 300, 'positive', 'desktop', 'whatsapp', 'en', '8.8.8.8', false],
  ['support-bot', 400, 'negative', 'mobile', 'web', 'de', '193.99.144.80', true],
  ['sales-bot', 460, 'neutral', 'desktop', 'web', 'en', '8.8.8.8', false],
];

export const EXPECTED = { last7Days: 6, last30Days: 10, supportBot30Days: 7, salesBot30Days: 3 };

export function buildBatch(prefix: string, now = Date.now()): Item[] {
  const items: Item[] = [];
  PLAN.forEach(([avatarId, hoursAgo, mood, device, source, language, ip, escalates], n) => {
    const id = `${prefix}-c${n}`;
    const start = now - hoursAgo * HOUR;
    const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
    items.push({ id: `${id}-start`, type: 'conversation', body: { id, avatarId, customerId: `${prefix}-u${n % 7}`, customerIpAddress: ip, device, source, language, startedAt: at(0) } });
    const lines = [TEXT.neutral[n % 2], 'Let me look into that for you.', TEXT[mood][n % 2], 'Happy to help. Anything else?'];
    lines.forEach((content, i) => {
      items.push({
        id: `${id}-m${i}`,
        type: 'message',
        body: { conversationId: id, id: `${id}-m${i}`, role: i % 2 ? 'assistant' : 'user', content, createdAt: at(i * 20 + (i % 2) * 1.5), tokens: i % 2 ? { prompt: 120, completion: 45 } : undefined },
      });
    });
    items.push({ id: `${id}-a0`, type: 'action', body: { conversationId: id, id: `${id}-a0`, name: 'search_kb', startedAt: at(21), durationMs: 400 + n * 50 } });
    if (escalates) items.push({ id: `${id}-a1`, type: 'action', body: { conversationId: id, id: `${id}-a1`, name: 'fallback_to_human', startedAt: at(62), durationMs: 1200 } });
    items.push({ id: `${id}-end`, type: 'conversation.end', body: { conversationId: id, endedAt: at(90 + n * 10), feedback: mood === 'positive' ? 'positive' : mood === 'negative' ? 'negative' : { rating: 4 } } });
  });
  return items;
}

/** Creates an ingest+read key on Settings › API keys and returns it. */
export async function createApiKeyInUi(page: Page, name = 'E2E data'): Promise<string> {
  await page.goto('/settings/api-keys');
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('checkbox', { name: /Read/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())?.trim();
  expect(key).toMatch(/^cfk_/);
  return key!;
}

export async function sendBatch(request: APIRequestContext, key: string, batch: Item[]) {
  const response = await request.post('/v1/batch', { headers: { Authorization: `Bearer ${key}` }, data: { batch } });
  expect(response.status()).toBe(207);
  const body = (await response.json()) as { results: { id: string; status: number; error?: unknown }[] };
  const failed = body.results.filter((r) => r.status >= 400);
  expect(failed, JSON.stringify(failed.slice(0, 3))).toHaveLength(0);
}

/** A new owner whose workspace holds the conversations of PLAN; lands on the Overview. */
export async function signUpWithConversations(page: Page, request: APIRequestContext, workspace: string) {
  const email = await signUpNewUser(page, workspace);
  const key = await createApiKeyInUi(page);
  await sendBatch(request, key, buildBatch(`e2e${Date.now().toString(36)}`));
  return { email, key };
}
