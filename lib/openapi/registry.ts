/**
 * Every documented operation, in the order the docs show them. A new endpoint is one more entry
 * (usually in an `endpoints/<area>.ts` list spread here); the document, `/v1/openapi.json` and
 * `/docs/api` pick it up, and the test checks that each route file under app/v1 has one.
 */
import { analyticsEndpoints } from './endpoints/analytics';
import { avatarEndpoints } from './endpoints/avatars';
import { funnelEndpoints } from './endpoints/funnels';
import { goalEndpoints } from './endpoints/goals';
import { ingestEndpoints } from './endpoints/ingest';
import { transcriptEndpoints } from './endpoints/transcripts';
import { webhookEndpoints } from './endpoints/webhooks';
import { alertEndpoints } from './endpoints/alerts';
import type { Endpoint } from './types';

export const tags: { name: string; description: string }[] = [
  { name: 'Conversations', description: 'Start, initialize and end conversations. Every write is idempotent by your ids.' },
  { name: 'Messages and actions', description: 'What was said in a conversation, and the tools the avatar called.' },
  { name: 'Events', description: 'Custom analytics events.' },
  { name: 'Batch', description: 'Any mix of the above in one request — the efficient way to send data.' },
  { name: 'Analytics', description: 'The dashboard’s numbers, as JSON. Ranges are read in the workspace timezone.' },
  { name: 'Transcripts', description: 'Read, export and erase conversations.' },
  { name: 'Avatars', description: 'The avatars (agents) whose conversations you send: names and descriptions.' },
  { name: 'Goals', description: 'Outcomes a conversation can reach — a pattern or phrase in a message, an event, a tool call, or ending without escalation.' },
  { name: 'Funnels', description: 'Ordered steps a conversation goes through, and how many conversations reach each one.' },
  { name: 'Webhooks', description: 'Endpoints Confab POSTs events to — signed (Standard Webhooks), retried for about a day, logged and replayable. The events themselves are under `webhooks`.' },
  { name: 'Alerts', description: 'Threshold rules on any metric — goal and funnel conversion included — checked every 5 minutes, notified by e-mail, Slack and webhooks, and back-tested against history before they are saved.' },
];

export const registry: Endpoint[] = [...ingestEndpoints, ...analyticsEndpoints, ...transcriptEndpoints, ...avatarEndpoints, ...goalEndpoints, ...funnelEndpoints, ...webhookEndpoints, ...alertEndpoints];
