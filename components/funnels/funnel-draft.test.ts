import { expect, test } from 'vitest';
import { funnelInputSchema, type FunnelStep } from '@/lib/funnels/schemas';
import { NEW_FUNNEL, parseProperties, toDraft, toInput } from './funnel-draft';

test('properties are typed key=value pairs; quotes keep a value text', () => {
  expect(parseProperties('')).toEqual({ ok: true, value: null });
  expect(parseProperties(' plan=pro, seats=3 , trial=false, ref=null, code="42"')).toEqual({ ok: true, value: { plan: 'pro', seats: 3, trial: false, ref: null, code: '42' } });
  expect(parseProperties('plan')).toMatchObject({ ok: false });
  expect(parseProperties('=pro')).toMatchObject({ ok: false });
});

test('a funnel survives the round trip through the builder', () => {
  const steps: FunnelStep[] = [
    { type: 'conversation_started', label: 'Start' },
    { type: 'user_messages', count: 3 },
    { type: 'tool', name: 'search_kb' },
    { type: 'event', name: 'checkout', properties: { plan: 'pro', seats: 3, code: '42', error: 'x' } },
    { type: 'goal', goalId: 'goal_1' },
  ];
  const { input, errors } = toInput(toDraft({ name: 'F', avatarId: 'bot', steps }));
  expect(errors).toEqual({});
  expect(funnelInputSchema.parse(input)).toEqual({ name: 'F', avatarId: 'bot', steps });
});

test('the browser reports unreadable properties under their step; the server the rest', () => {
  const draft = NEW_FUNNEL();
  draft.steps[1] = { ...draft.steps[1], type: 'event', name: 'x', properties: 'oops' };
  expect(toInput(draft).errors).toEqual({ 'steps.1.properties': [expect.stringContaining('key=value')] });
  const blank = NEW_FUNNEL();
  blank.steps[1] = { ...blank.steps[1], count: 'many' };
  const parsed = funnelInputSchema.safeParse(toInput(blank).input);
  expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'steps.1.count']);
});
