/**
 * Deterministic, realistic demo traffic as ingest batch items: several avatars over the last D days,
 * plausible turn timing and tokens, tool calls and escalations, moods, feedback, devices, sources,
 * languages, customers and IPs from several countries, and some initialized-only visits.
 */
import {
  ANGRY_LINES,
  DEMO_AVATARS,
  DEVICES,
  EMAIL_LINES,
  HAPPY_CLOSERS,
  IPS_BY_COUNTRY,
  LOCALIZED_LINES,
  SOURCES,
  SPANISH_CLOSERS,
  USER_AGENTS,
  type DemoAvatar,
} from './content';

export type DemoBatchItem = { id: string; type: string; body: Record<string, unknown> };

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same workspace. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7.5, 7, 7.5, 8, 7.5, 7, 6, 5, 4.5, 4, 3.5, 2.5, 1.5];
const SECOND = 1000;

function weighted<T>(rand: () => number, entries: [T, number][]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1][0];
}

const pick = <T>(rand: () => number, list: T[]): T => list[Math.floor(rand() * list.length)];
const between = (rand: () => number, min: number, max: number) => Math.round(min + rand() * (max - min));

/** A start time in the last `days` days: busier on weekdays and working hours, growing towards today. */
function startTime(rand: () => number, now: Date, days: number): Date {
  for (;;) {
    const dayAgo = Math.floor(rand() * days);
    const growth = 1.25 - (0.6 * dayAgo) / Math.max(days, 1);
    const day = new Date(now.getTime() - dayAgo * 86_400_000);
    const weekday = day.getUTCDay();
    const weekdayWeight = weekday === 0 ? 0.5 : weekday === 6 ? 0.6 : 1;
    if (rand() > (growth * weekdayWeight) / 1.25) continue;
    const hour = weighted(rand, HOUR_WEIGHTS.map((w, h) => [h, w] as [number, number]));
    const t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, between(rand, 0, 59), between(rand, 0, 59));
    if (t < now.getTime() - 60 * SECOND) return new Date(t);
  }
}

type Mood = 'positive' | 'neutral' | 'negative';

function userLines(rand: () => number, avatar: DemoAvatar, mood: Mood, turns: number): string[] {
  const lines = [pick(rand, avatar.openers)];
  for (let i = 1; i < turns; i++) lines.push(mood === 'negative' && rand() < 0.5 ? pick(rand, ANGRY_LINES) : pick(rand, avatar.followUps));
  if ((avatar.id === 'avt_sales' || avatar.id === 'avt_onboarding') && rand() < 0.35) lines.splice(Math.min(1, lines.length), 0, pick(rand, EMAIL_LINES));
  if (mood === 'positive' && rand() < 0.7) lines.push(avatar.language === 'es' ? pick(rand, SPANISH_CLOSERS) : pick(rand, HAPPY_CLOSERS));
  if (mood === 'negative' && rand() < 0.6) lines.push(pick(rand, ANGRY_LINES));
  return lines;
}

function feedbackFor(rand: () => number, mood: Mood): unknown {
  if (mood === 'positive' && rand() < 0.4) return rand() < 0.5 ? 'positive' : between(rand, 4, 5);
  if (mood === 'negative' && rand() < 0.45) return rand() < 0.5 ? 'negative' : between(rand, 1, 2);
  if (mood === 'neutral' && rand() < 0.1) return 3;
  return undefined;
}

/** The batch items of one conversation, in the order a client would send them. */
export function demoConversation(rand: () => number, id: string, now: Date, days: number, customers: number): DemoBatchItem[] {
  const avatar = weighted(rand, DEMO_AVATARS.map((a) => [a, a.weight] as [DemoAvatar, number]));
  const start = startTime(rand, now, days);
  const device = weighted(rand, DEVICES);
  const [country, ip] = weighted(rand, IPS_BY_COUNTRY.map((c) => [c, c[2]] as [typeof c, number]));
  const local = avatar.id === 'avt_support' && rand() < 0.6 ? LOCALIZED_LINES[country] : undefined;
  const conversation: Record<string, unknown> = {
    id,
    avatarId: avatar.id,
    startedAt: start.toISOString(),
    source: weighted(rand, SOURCES),
    metadata: { plan: rand() < 0.3 ? 'pro' : 'free', page: pick(rand, ['/', '/pricing', '/help', '/account']) },
  };
  if (rand() < 0.75) conversation.device = device;
  else conversation.userAgent = USER_AGENTS[device];
  if (rand() < 0.9) conversation.customerIpAddress = ip;
  if (rand() < 0.65) conversation.customerId = `cus_${String(between(rand, 1, customers)).padStart(5, '0')}`;
  if (rand() < 0.7) conversation.language = local?.language ?? avatar.language ?? 'en';

  const items: DemoBatchItem[] = [];
  // As the SDKs send them: a message, tool call or event carries its own id as the batch item id.
  const ownId = (type: string, body: Record<string, unknown>) => (type === 'message' || type === 'action' || type === 'event' ? (body.id as string | undefined) : undefined);
  const item = (suffix: string, type: string, body: Record<string, unknown>) => items.push({ id: ownId(type, body) ?? `${id}:${suffix}`, type, body });
  if (rand() < 0.1) {
    item('init', 'conversation.initialize', conversation);
    return items;
  }
  if (rand() < 0.2) item('init', 'conversation.initialize', conversation);
  item('open', 'conversation', conversation);

  const mood: Mood = weighted(rand, [['positive', 45], ['neutral', 35], ['negative', 20]] as [Mood, number][]);
  const lines = local
    ? [pick(rand, local.lines), ...(mood === 'positive' ? [local.thanks] : [])]
    : userLines(rand, avatar, mood, mood === 'negative' ? between(rand, 2, 5) : between(rand, 1, 4));
  let t = start.getTime() + between(rand, 2, 15) * SECOND;
  let turn = 0;
  for (const line of lines) {
    if (t > now.getTime()) break;
    item(`m${turn}u`, 'message', { conversationId: id, id: `${id}-m${turn}u`, role: 'user', content: line, createdAt: new Date(t).toISOString() });
    const responseMs = between(rand, 700, 2500) + (rand() < 0.2 ? between(rand, 1000, 6000) : 0);
    if (rand() < 0.4) {
      const tool = pick(rand, avatar.tools);
      item(`a${turn}`, 'action', { conversationId: id, id: `${id}-a${turn}`, name: tool.name, startedAt: new Date(t + 200).toISOString(), durationMs: between(rand, tool.minMs, tool.maxMs), status: rand() < 0.95 ? 'success' : 'error' });
    }
    t += responseMs;
    if (t > now.getTime()) break;
    const reply = pick(rand, avatar.replies);
    item(`m${turn}a`, 'message', {
      conversationId: id,
      id: `${id}-m${turn}a`,
      role: 'assistant',
      content: reply,
      createdAt: new Date(t).toISOString(),
      tokens: { prompt: between(rand, 180, 400) + turn * between(rand, 80, 160), completion: between(rand, 20, 220) },
    });
    t += between(rand, 8, 90) * SECOND;
    turn++;
  }
  const escalate = (mood === 'negative' && rand() < 0.45) || (mood === 'neutral' && rand() < 0.03);
  if (escalate && t < now.getTime()) {
    item('esc', 'action', { conversationId: id, id: `${id}-esc`, name: pick(rand, ['fallback_to_human', 'open_ticket', 'contact_human']), startedAt: new Date(t).toISOString(), durationMs: between(rand, 300, 1500), status: 'success' });
  }
  if (rand() < 0.3) item('evt', 'event', { id: `${id}-evt`, name: 'avatar_conversation_started', conversationId: id, avatarId: avatar.id, properties: { source: conversation.source }, timestamp: start.toISOString() });
  const lastAt = Math.min(t, now.getTime());
  if (now.getTime() - lastAt > 2 * 3600 * SECOND && rand() < 0.9) {
    const feedback = feedbackFor(rand, mood);
    item('end', 'conversation.end', { conversationId: id, endedAt: new Date(lastAt + between(rand, 5, 60) * SECOND).toISOString(), ...(feedback === undefined ? {} : { feedback }) });
  }
  return items;
}
