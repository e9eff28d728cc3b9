/**
 * Alerts end to end below the page: the state machine's rules, the channels against real local receivers
 * (Slack and a webhook endpoint through the webhooks engine; e-mail into dev_mail), a failing channel that
 * holds up no other and is retried, snooze, and /v1/alerts through its real handlers (validation paths,
 * scopes, other workspaces' 404s).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { createGoal, deleteGoal } from '@/lib/goals/service';
import { ingestBatch } from '@/lib/ingest/batch';
import { runEngineOnce } from '@/lib/webhooks/engine';
import { createWebhook } from '@/lib/webhooks/service';
import { createTestApiKey, createTestWorkspace } from '@/test/factories';
import { fetchLikeNext } from '@/test/fuzz/openapi-fuzz';
import { startReceiver, type Receiver } from '@/test/webhook-receiver';
import { retryAlertNotifications, runAlertChecks } from './check';
import { escapeSlack, slackMessage } from './format';
import type { MetricReading } from './metrics';
import { createAlertRule, getAlertRule, listAlertEvents, snoozeAlertRule } from './service';
import { step, type MachineRule, type MachineState } from './state-machine';

afterAll(closeDb);
let receivers: Receiver[] = [];
beforeEach(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1';
});
afterEach(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  delete process.env.SMTP_URL;
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});
const receiver = async () => {
  const r = await startReceiver();
  receivers.push(r);
  return r;
};

describe('the state machine', () => {
  const base: MachineRule = { op: 'above', threshold: 10, compare: 'value', minConversations: 0, forChecks: 1, noData: 'ok' };
  const reading = (value: number | null, conversations = 100, previous: number | null = null): MetricReading => ({ at: new Date(), value, previous, conversations });
  const run = (rule: MachineRule, values: (number | null | MetricReading)[]) => {
    let state: MachineState = { state: 'ok', breaches: 0 };
    return values.map((v) => {
      const r = step(rule, state, v !== null && typeof v === 'object' ? v : reading(v));
      state = r.next;
      return r.transition ?? state.state;
    });
  };

  test('one fired event per breach and one resolved; equal to the threshold does not breach', () => {
    expect(run(base, [5, 11, 12, 13, 10, 9, 20])).toEqual(['ok', 'fired', 'firing', 'firing', 'resolved', 'ok', 'fired']);
    expect(run({ ...base, op: 'below' }, [11, 9, 8, 10])).toEqual(['ok', 'fired', 'firing', 'resolved']);
  });

  test('forChecks breaching checks in a row fire it; a miss in between starts the count again', () => {
    expect(run({ ...base, forChecks: 3 }, [11, 12, 5, 11, 12, 13, 14, 1])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'fired', 'firing', 'resolved']);
  });

  test('minConversations: below it a check has no data', () => {
    const rule = { ...base, minConversations: 20 };
    expect(run(rule, [reading(50, 19), reading(50, 20), reading(50, 5)])).toEqual(['ok', 'fired', 'resolved']);
  });

  test('noData ok resolves, keep changes nothing, alert counts as a breach', () => {
    expect(run({ ...base, noData: 'ok' }, [11, null, null])).toEqual(['fired', 'resolved', 'ok']);
    expect(run({ ...base, noData: 'keep' }, [11, null, null, 5])).toEqual(['fired', 'firing', 'firing', 'resolved']);
    expect(run({ ...base, noData: 'keep', forChecks: 2 }, [11, null, 12])).toEqual(['ok', 'ok', 'fired']);
    expect(run({ ...base, noData: 'alert' }, [null, null, 5])).toEqual(['fired', 'firing', 'resolved']);
  });

  test('compare: change holds the relative change against the window before', () => {
    const rule: MachineRule = { ...base, op: 'below', threshold: -0.3, compare: 'change' };
    const steps = [reading(100, 100, 100), reading(65, 100, 100), reading(71, 100, 100), reading(5, 100, 0)];
    expect(run(rule, steps)).toEqual(['ok', 'fired', 'resolved', 'ok']);
    expect(step(rule, { state: 'ok', breaches: 0 }, reading(65, 100, 100)).compared).toBeCloseTo(-0.35, 12);
  });
});

describe('Slack messages', () => {
  test('every piece of text is escaped, so nothing can mention <!channel>', () => {
    expect(escapeSlack('<!channel> & <@U123>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    const message = slackMessage({
      status: 'fired',
      ruleName: '<!channel> Escalations & more',
      metric: 'escalation_rate',
      op: 'above',
      compare: 'value',
      threshold: 0.1,
      value: 0.25,
      window: '24h',
      avatarName: '<!here> bot',
      at: new Date('2026-11-30T10:00:00Z'),
      url: 'https://confab.example.com/alerts/alr_1',
    });
    const text = JSON.stringify(message);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(message.text).toContain('&lt;!channel&gt; Escalations &amp; more');
    expect(text).toContain('25.0 %');
    expect(text).toContain('10.0 %');
    const actions = message.blocks.find((b) => (b as { type: string }).type === 'actions') as { elements: { text: { text: string }; url: string }[] };
    expect(actions.elements[0]).toMatchObject({ text: { text: 'Open in Confab' }, url: 'https://confab.example.com/alerts/alr_1' });
  });
});

/** A workspace whose last hour has 3 conversations, 2 of them escalated. */
async function escalatingWorkspace(before: (ws: string) => Promise<void> = async () => {}) {
  const ws = (await createTestWorkspace()).id;
  await before(ws);
  const now = Date.now();
  const t = (msAgo: number) => new Date(now - msAgo).toISOString();
  const batch = [0, 1, 2].flatMap((i) => [
    { id: randomUUID(), type: 'conversation', body: { id: `c${i}`, avatarId: 'support', startedAt: t(60_000 * (i + 1)) } },
    { id: randomUUID(), type: 'message', body: { conversationId: `c${i}`, role: 'user', content: 'I need help', createdAt: t(60_000 * (i + 1)) } },
    ...(i < 2 ? [{ id: randomUUID(), type: 'action', body: { conversationId: `c${i}`, name: 'fallback_to_human', startedAt: t(60_000 * (i + 1) - 1000) } }] : []),
  ]);
  await ingestBatch(ws, { batch });
  return ws;
}

// A 24 h window: the conversations of the last minutes are in it whatever the minute (a 1 h window is the current clock hour).
const escalationRule = { name: 'Escalation rate above 10 %', metric: 'escalation_rate', window: '24h', condition: { op: 'above', threshold: 0.1 } } as const;

describe('channels', () => {
  test('a firing goes to Slack, e-mail (dev_mail) and subscribed webhooks; a check that finds no transition notifies nobody', async () => {
    const ws = await escalatingWorkspace();
    const slack = await receiver();
    const hooks = await receiver();
    await createWebhook(ws, { url: `${hooks.url}/confab`, events: ['alert.triggered', 'alert.resolved'] }, {});
    const rule = await createAlertRule(ws, { ...escalationRule, channels: [{ type: 'slack', url: `${slack.url}/services/T/B/X` }, { type: 'email', to: ['ops@example.com'] }, { type: 'webhook' }] }, {});

    const pass = await runAlertChecks({ workspaceIds: [ws] });
    expect(pass).toMatchObject({ checked: 1, fired: 1, resolved: 0, failed: 0 });
    expect(await getAlertRule(ws, rule.id)).toMatchObject({ state: 'firing', value: 2 / 3, hasData: true });

    expect(slack.received).toHaveLength(1);
    const body = JSON.parse(slack.received[0].body);
    expect(body.text).toContain('Alert firing: Escalation rate above 10 %');
    expect(JSON.stringify(body.blocks)).toContain('66.7 %');
    const mail = await sql<{ to: string; subject: string; text: string; html: string }[]>`SELECT "to", subject, text, html FROM dev_mail WHERE workspace_id = ${ws}`;
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: 'ops@example.com', subject: '[Confab] Alert firing: Escalation rate above 10 %' });
    expect(mail[0].text).toContain(`/alerts/${rule.id}`);

    await runEngineOnce({ workspaceIds: [ws] });
    expect(hooks.received).toHaveLength(1);
    const event = JSON.parse(hooks.received[0].body);
    expect(event).toMatchObject({ type: 'alert.triggered', data: { alertId: rule.id, name: rule.name, metric: 'escalation_rate', value: 2 / 3, threshold: 0.1, window: '24h' } });

    const { data: events } = (await listAlertEvents(ws, rule.id, {}))!;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'fired', value: 2 / 3, threshold: 0.1, snoozed: false });
    expect(events[0].notifications.map((n) => [n.channel, n.ok]).sort()).toEqual([['email', true], ['slack', true], ['webhook', true]]);

    // Still breaching a minute later: no transition, nobody told.
    await runAlertChecks({ workspaceIds: [ws], at: new Date(Date.now() + 60_000) });
    expect(slack.received).toHaveLength(1);
    expect((await listAlertEvents(ws, rule.id, {}))!.data).toHaveLength(1);

    // A day on the window is empty: no data → ok → resolved, and everyone hears it.
    const pass2 = await runAlertChecks({ workspaceIds: [ws], at: new Date(Date.now() + 25 * 3_600_000) });
    expect(pass2.resolved).toBe(1);
    expect(slack.received).toHaveLength(2);
    expect(JSON.parse(slack.received[1].body).text).toContain('Alert resolved');
    await runEngineOnce({ workspaceIds: [ws] });
    expect(JSON.parse(hooks.received[1].body)).toMatchObject({ type: 'alert.resolved', data: { alertId: rule.id, value: null } });
    expect((await listAlertEvents(ws, rule.id, {}))!.data.map((e) => e.status)).toEqual(['resolved', 'fired']);
  });

  test('a rule without a webhook channel emits no webhook event', async () => {
    const ws = await escalatingWorkspace();
    const hooks = await receiver();
    await createWebhook(ws, { url: `${hooks.url}/confab`, events: ['alert.triggered'] }, {});
    await createAlertRule(ws, { ...escalationRule, channels: [] }, {});
    expect((await runAlertChecks({ workspaceIds: [ws] })).fired).toBe(1);
    await runEngineOnce({ workspaceIds: [ws] });
    expect(hooks.received).toHaveLength(0);
  });

  test('a failing channel is recorded and retried, and does not hold up the others', async () => {
    const ws = await escalatingWorkspace();
    const slow = await receiver();
    const broken = await receiver();
    broken.answer({ status: 500, body: 'boom' });
    slow.fallback = { status: 200, body: 'ok', delayMs: 300 };
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    const rule = await createAlertRule(
      ws,
      { ...escalationRule, channels: [{ type: 'slack', url: `${broken.url}/a` }, { type: 'email', to: ['ops@example.com'] }, { type: 'slack', url: `${slow.url}/b` }] },
      {},
    );
    await runAlertChecks({ workspaceIds: [ws] });
    expect(slow.received).toHaveLength(1);
    let [event] = (await listAlertEvents(ws, rule.id, {}))!.data;
    const byChannel = Object.fromEntries(event.notifications.map((n) => [n.channel, n]));
    expect(byChannel.slack).toMatchObject({ ok: false, error: 'HTTP 500: boom', attempts: 1 });
    expect(byChannel.email).toMatchObject({ ok: false, attempts: 1 });
    expect(byChannel.email.error).toMatch(/ECONNREFUSED|connect/i);
    expect(byChannel['slack#2']).toMatchObject({ ok: true, attempts: 1 });

    // Not due yet: nothing is resent. Once due, only the failed channels are tried again.
    expect(await retryAlertNotifications({ workspaceIds: [ws] })).toBe(0);
    delete process.env.SMTP_URL;
    expect(await retryAlertNotifications({ workspaceIds: [ws] }, new Date(Date.now() + 10 * 60_000))).toBe(1);
    [event] = (await listAlertEvents(ws, rule.id, {}))!.data;
    expect(Object.fromEntries(event.notifications.map((n) => [n.channel, [n.ok, n.attempts]]))).toEqual({ slack: [true, 2], email: [true, 2], 'slack#2': [true, 1] });
    expect(broken.received).toHaveLength(2);
    expect(slow.received).toHaveLength(1);
    const [{ notified }] = await sql<{ notified: boolean }[]>`SELECT notified_at IS NOT NULL AS notified FROM alert_events WHERE workspace_id = ${ws} AND id = ${event.id}`;
    expect(notified).toBe(true);
  });

  test('a rule whose goal was deleted has no data (not a rate of 0), so a "below" rule does not fire', async () => {
    // The goal exists before the conversations arrive, so it completes live (every conversation says "help").
    let goalId = '';
    const ws = await escalatingWorkspace(async (id) => {
      goalId = (await createGoal(id, { name: 'Help', trigger: { type: 'phrases', phrases: ['help'], role: 'user' } }, {})).id;
    });
    const goal = { id: goalId };
    const rule = await createAlertRule(ws, { name: 'Help rate', metric: 'goal_completion_rate', goalId: goal.id, window: '24h', condition: { op: 'below', threshold: 0.5 } }, {});
    await runAlertChecks({ workspaceIds: [ws] });
    expect(await getAlertRule(ws, rule.id)).toMatchObject({ state: 'ok', value: 1, hasData: true });
    await deleteGoal(ws, goal.id, {});
    await runAlertChecks({ workspaceIds: [ws], at: new Date(Date.now() + 60_000) });
    expect(await getAlertRule(ws, rule.id)).toMatchObject({ state: 'ok', value: null, hasData: false });
  });

  test('snooze suppresses notification, not state', async () => {
    const ws = await escalatingWorkspace();
    const slack = await receiver();
    const rule = await createAlertRule(ws, { ...escalationRule, channels: [{ type: 'slack', url: `${slack.url}/x` }] }, {});
    await snoozeAlertRule(ws, rule.id, { until: new Date(Date.now() + 3_600_000).toISOString() }, {});
    await runAlertChecks({ workspaceIds: [ws] });
    expect(await getAlertRule(ws, rule.id)).toMatchObject({ state: 'firing' });
    expect(slack.received).toHaveLength(0);
    const [event] = (await listAlertEvents(ws, rule.id, {}))!.data;
    expect(event).toMatchObject({ status: 'fired', snoozed: true, notifications: [] });
    // After the snooze the next transition is told.
    await runAlertChecks({ workspaceIds: [ws], at: new Date(Date.now() + 25 * 3_600_000) });
    expect(slack.received).toHaveLength(1);
    expect(JSON.parse(slack.received[0].body).text).toContain('Alert resolved');
  });
});

describe('/v1/alerts', () => {
  const call = async (key: string, method: string, path: string, body?: unknown) => {
    const res = await fetchLikeNext(method, path, { headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  test('validation: each bad field is a 422 at its path, and nothing is written', async () => {
    const ws = await createTestWorkspace();
    const admin = await createTestApiKey(ws.id, ['admin']);
    const ok = { name: 'R', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 50 } };
    const cases: [unknown, string][] = [
      [{ ...ok, metric: 'goal_completion_rate' }, 'goalId'],
      [{ ...ok, metric: 'funnel_conversion' }, 'funnelId'],
      [{ ...ok, metric: 'bounce_rate' }, 'metric'],
      [{ ...ok, window: '2h' }, 'window'],
      [{ ...ok, condition: { op: 'over', threshold: 1 } }, 'condition.op'],
      [{ ...ok, condition: { op: 'above', threshold: 'x' } }, 'condition.threshold'],
      [{ ...ok, channels: [{ type: 'slack', url: 'ftp://hooks.example.com/x' }] }, 'channels.0.url'],
      [{ ...ok, channels: [{ type: 'email', to: ['not-an-address'] }] }, 'channels.0.to.0'],
      [{ ...ok, channels: [{ type: 'pager' }] }, 'channels.0.type'],
      [{ ...ok, metric: 'goal_completion_rate', goalId: 'nope' }, 'goalId'],
      [{ ...ok, avatarId: 'nobody' }, 'avatarId'],
      [{ ...ok, forChecks: 0 }, 'forChecks'],
      [{ ...ok, noData: 'maybe' }, 'noData'],
    ];
    for (const [body, path] of cases) {
      const res = await call(admin, 'POST', '/v1/alerts', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    expect((await call(admin, 'GET', '/v1/alerts')).body.data).toEqual([]);
  });

  test('CRUD, events, snooze and preview; read scope reads; another workspace’s rule is a 404', async () => {
    const ws = await createTestWorkspace();
    const admin = await createTestApiKey(ws.id, ['admin']);
    const read = await createTestApiKey(ws.id, ['read']);
    const created = await call(admin, 'POST', '/v1/alerts', { ...escalationRule, minConversations: 5, channels: [{ type: 'email', to: ['Ops@Example.com'] }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^alr_/),
      metric: 'escalation_rate',
      window: '24h',
      condition: { op: 'above', threshold: 0.1, compare: 'value' },
      minConversations: 5,
      forChecks: 1,
      noData: 'ok',
      channels: [{ type: 'email', to: ['ops@example.com'] }],
      enabled: true,
      state: 'ok',
      value: null,
      checkedAt: null,
    });
    const id = created.body.id;
    expect((await call(read, 'POST', '/v1/alerts', escalationRule)).status).toBe(403);
    expect((await call(read, 'GET', `/v1/alerts/${id}`)).body.id).toBe(id);
    expect((await call(read, 'GET', `/v1/alerts/${id}/events`)).body).toEqual({ data: [] });

    const patched = await call(admin, 'PATCH', `/v1/alerts/${id}`, { condition: { op: 'above', threshold: 0.2 }, name: 'Renamed' });
    expect(patched.body).toMatchObject({ name: 'Renamed', condition: { threshold: 0.2 }, minConversations: 5 });
    expect((await call(admin, 'PATCH', `/v1/alerts/${id}`, { metric: 'goal_completion_rate' })).body.error.details[0].path).toBe('goalId');

    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call(admin, 'POST', `/v1/alerts/${id}/snooze`, { until })).body.snoozedUntil).toBe(until);
    expect((await call(admin, 'POST', `/v1/alerts/${id}/snooze`, { until: '2001-01-01T00:00:00Z' })).status).toBe(422);
    expect((await call(admin, 'POST', `/v1/alerts/${id}/snooze`, { until: null })).body.snoozedUntil).toBeNull();

    const preview = await call(read, 'POST', '/v1/alerts/preview', { rule: escalationRule, period: '7d' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ checks: 168, firings: [], secondsFiring: 0, stepSeconds: 3600 });
    expect((await call(read, 'POST', '/v1/alerts/preview', { rule: { ...escalationRule, metric: 'funnel_conversion' } })).body.error.details[0].path).toBe('rule.funnelId');

    const other = await createTestWorkspace();
    const otherKey = await createTestApiKey(other.id, ['admin', 'read']);
    for (const [method, path, body] of [
      ['GET', `/v1/alerts/${id}`],
      ['PATCH', `/v1/alerts/${id}`, { name: 'Mine' }],
      ['GET', `/v1/alerts/${id}/events`],
      ['POST', `/v1/alerts/${id}/snooze`, { until: null }],
      ['DELETE', `/v1/alerts/${id}`],
    ] as [string, string, unknown?][]) {
      expect((await call(otherKey, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await call(otherKey, 'GET', '/v1/alerts')).body.data).toEqual([]);
    expect((await call(admin, 'DELETE', `/v1/alerts/${id}`)).status).toBe(204);
    expect((await call(admin, 'GET', `/v1/alerts/${id}`)).status).toBe(404);
  });
});
