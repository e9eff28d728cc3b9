import { expect, test } from 'vitest';
import { fieldOfPath, toFormValues, toRuleInput } from './form-values';
import { ALERT_TEMPLATES } from '@/lib/alerts/templates';
import { alertRuleSchema } from '@/lib/alerts/schemas';

test('every template round-trips through the form into a valid rule, rates shown as percentages', () => {
  for (const t of ALERT_TEMPLATES) {
    const values = toFormValues({ ...t.rule, condition: { compare: 'value', ...t.rule.condition } } as Parameters<typeof toFormValues>[0]);
    const input = toRuleInput(values);
    expect(alertRuleSchema.parse(input)).toMatchObject({ metric: t.rule.metric, window: t.rule.window, condition: t.rule.condition });
  }
  const escalation = toFormValues(ALERT_TEMPLATES[1].rule as Parameters<typeof toFormValues>[0]);
  expect(escalation.threshold).toBe('10');
});

test('channels map to their fields, in the order the error paths count them', () => {
  const values = { ...toFormValues(ALERT_TEMPLATES[0].rule as Parameters<typeof toFormValues>[0]), emails: 'a@example.com, b@example.com', slackUrl: 'https://hooks.slack.com/x', webhook: true };
  expect(toRuleInput(values).channels).toEqual([{ type: 'email', to: ['a@example.com', 'b@example.com'] }, { type: 'slack', url: 'https://hooks.slack.com/x' }, { type: 'webhook' }]);
  expect(fieldOfPath('channels.1.url', values)).toBe('slackUrl');
  expect(fieldOfPath('channels.0.to.1', values)).toBe('emails');
  expect(fieldOfPath('condition.threshold', values)).toBe('threshold');
  expect(fieldOfPath('goalId', values)).toBe('goalId');
  expect(fieldOfPath('channels.1.url', { ...values, emails: '' })).toBe('webhook');
});

test('a blank or non-numeric threshold is sent as typed, so the schema names the field', () => {
  const values = { ...toFormValues(ALERT_TEMPLATES[0].rule as Parameters<typeof toFormValues>[0]), threshold: '' };
  const result = alertRuleSchema.safeParse(toRuleInput(values));
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('condition.threshold');
});
