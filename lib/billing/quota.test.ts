import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { listDevMail } from '@/db/queries/dev-mail';
import { ApiError } from '@/lib/api/errors';
import { ingestBatch } from '@/lib/ingest/batch';
import { addMessages, getOrCreateConversation, initializeConversation } from '@/lib/ingest/single';
import { setFreeUsage, setUpFakeStripe, workspaceWithOwner } from '@/test/billing';
import { createTestWorkspace } from '@/test/factories';

afterAll(closeDb);

const conversation = (id: string) => ({ id, avatarId: 'bot' });
const usage = async (workspaceId: string) =>
  (await sql<{ conversations: number }[]>`SELECT conversations FROM billing_usage WHERE workspace_id = ${workspaceId}::uuid`)[0]?.conversations ?? 0;
const stored = async (workspaceId: string) => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${workspaceId}::uuid`)[0].n;

describe('billing off (STRIPE_SECRET_KEY unset)', () => {
  test('no limits and no usage rows', async () => {
    const ws = await createTestWorkspace();
    await setFreeUsage(ws.id, 5_000);
    const { created } = await getOrCreateConversation(ws.id, conversation('c-over'));
    expect(created).toBe(true);
    expect(await usage(ws.id)).toBe(5_000);
  });
});

describe('quota with billing on', () => {
  setUpFakeStripe();

  test('exactly at 1,000: the 1,001st new conversation is refused with Retry-After; messages to an existing one are accepted', async () => {
    const { ws } = await workspaceWithOwner();
    await getOrCreateConversation(ws.id, conversation('existing'));
    await setFreeUsage(ws.id, 999);
    expect((await initializeConversation(ws.id, conversation('the-1000th'))).created).toBe(true);
    expect(await usage(ws.id)).toBe(1_000);

    const refused = await getOrCreateConversation(ws.id, conversation('the-1001st')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    const error = refused as ApiError;
    expect([error.status, error.code]).toEqual([429, 'quota_exceeded']);
    const retryAfter = Number(error.headers?.['Retry-After']);
    const monthEnd = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1);
    expect(Math.abs(retryAfter - (monthEnd - Date.now()) / 1000)).toBeLessThan(5);
    // A message naming a conversation that does not exist would start one: refused the same way.
    await expect(addMessages(ws.id, 'not-yet', [{ role: 'user', content: 'hi' }])).rejects.toMatchObject({ status: 429, code: 'quota_exceeded' });

    const { messages } = await addMessages(ws.id, 'existing', [{ role: 'user', content: 'still here' }]);
    expect(messages).toHaveLength(1);
    expect(await usage(ws.id)).toBe(1_000);
    expect(await stored(ws.id)).toBe(2);
  });

  test('in a batch only the new conversations past the limit are refused, with their items; the rest is applied', async () => {
    const { ws } = await workspaceWithOwner();
    await getOrCreateConversation(ws.id, conversation('old'));
    await setFreeUsage(ws.id, 999);
    const { results, retryAfterSeconds } = await ingestBatch(ws.id, {
      batch: [
        { id: 'i1', type: 'conversation', body: conversation('new-a') },
        { id: 'i2', type: 'conversation', body: conversation('new-b') },
        { id: 'i3', type: 'message', body: { conversationId: 'new-b', role: 'user', content: 'lost?' } },
        { id: 'i4', type: 'message', body: { conversationId: 'old', role: 'user', content: 'kept' } },
        { id: 'i5', type: 'conversation.end', body: { conversationId: 'old' } },
        { id: 'i6', type: 'event', body: { name: 'clicked', conversationId: 'old' } },
      ],
    });
    expect(results.map((r) => [r.id, r.status, r.error?.code])).toEqual([
      ['i1', 201, undefined],
      ['i2', 429, 'quota_exceeded'],
      ['i3', 429, 'quota_exceeded'],
      ['i4', 201, undefined],
      ['i5', 200, undefined],
      ['i6', 201, undefined],
    ]);
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(await stored(ws.id)).toBe(2);
    // Refused items are not remembered as applied: resent after an upgrade (here: usage reset), they go in.
    await setFreeUsage(ws.id, 0);
    const again = await ingestBatch(ws.id, { batch: [{ id: 'i2', type: 'conversation', body: conversation('new-b') }] });
    expect(again.results[0].status).toBe(201);
  });

  test('the concurrent boundary: 10 parallel new conversations at 995 of 1,000 admit exactly 5', async () => {
    const { ws } = await workspaceWithOwner();
    await setFreeUsage(ws.id, 995);
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => getOrCreateConversation(ws.id, conversation(`p-${i}`))));
    const admitted = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason as ApiError);
    expect(admitted).toHaveLength(5);
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('quota_exceeded'));
    expect(await usage(ws.id)).toBe(1_000);
    expect(await stored(ws.id)).toBe(5);
  });

  test('owners are e-mailed once at 80 % and once at 100 % of a period', async () => {
    const { ws, owner } = await workspaceWithOwner();
    await setFreeUsage(ws.id, 798);
    const mails = async () => (await listDevMail(ws.id)).filter((m) => m.to === owner.email).map((m) => m.subject);
    await getOrCreateConversation(ws.id, conversation('m-799'));
    expect(await mails()).toEqual([]);
    await getOrCreateConversation(ws.id, conversation('m-800'));
    await getOrCreateConversation(ws.id, conversation('m-801'));
    expect(await mails()).toEqual(['Billing co used 80 % of its Confab conversations']);
    await ingestBatch(ws.id, { batch: Array.from({ length: 199 }, (_, i) => ({ id: `b${i}`, type: 'conversation.initialize', body: conversation(`m-b${i}`) })) });
    expect(await usage(ws.id)).toBe(1_000);
    await getOrCreateConversation(ws.id, conversation('m-over')).catch(() => null);
    await getOrCreateConversation(ws.id, conversation('m-over-2')).catch(() => null);
    expect((await mails()).sort()).toEqual(['Billing co reached its Confab conversation limit', 'Billing co used 80 % of its Confab conversations']);
  });
});
