/** The product document's three example rules (DESIGN §8), offered as templates on the Alerts page. */
import type { AlertRuleInput } from './schemas';

export type AlertTemplate = { key: string; title: string; description: string; rule: AlertRuleInput };

export const ALERT_TEMPLATES: AlertTemplate[] = [
  {
    key: 'daily-conversations',
    title: 'Daily conversations drop below 50',
    description: 'Traffic fell off: an integration broke or a channel went quiet.',
    rule: { name: 'Daily conversations below 50', metric: 'conversations', window: '24h', condition: { op: 'below', threshold: 50 } },
  },
  {
    key: 'escalation-rate',
    title: 'Escalation rate exceeds 10 %',
    description: 'More conversations than usual hand off to a human.',
    rule: { name: 'Escalation rate above 10 %', metric: 'escalation_rate', window: '24h', condition: { op: 'above', threshold: 0.1 } },
  },
  {
    key: 'response-time',
    title: 'Average response time exceeds 5 seconds',
    description: 'The avatar answers slowly: a model or tool is struggling.',
    rule: { name: 'Average response time above 5 s', metric: 'avg_response_time', window: '1h', condition: { op: 'above', threshold: 5000 } },
  },
];
