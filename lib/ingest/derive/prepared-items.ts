/**
 * Turns validated items into the records the SQL writes: ids and times defaulted, and the per-item
 * derivations (sentiment, country, device) computed in JS before any statement runs.
 */
import { randomUUID } from 'node:crypto';
import { countryFromIp, deviceFromUserAgent, scoreSentiment } from '@/lib/ingest/derive';
import type { ConversationBody, EndBody } from '../parse/schemas';
import type { IngestItem, NewAction, NewEvent, NewMessage } from '../types';

export const UNKNOWN_AVATAR = 'unknown';

export type ConversationAttributes = {
  country: string | null;
  device: 'desktop' | 'tablet' | 'mobile' | null;
};

export type PreparedItem = { index: number; at: Date } & (
  | { type: 'conversation'; conversationId: string; body: ConversationBody; attributes: ConversationAttributes }
  | { type: 'conversation.initialize'; conversationId: string; body: ConversationBody; attributes: ConversationAttributes }
  | { type: 'message'; conversationId: string; avatarId: string | null; message: NewMessage }
  | { type: 'action'; conversationId: string; avatarId: string | null; action: NewAction }
  | { type: 'conversation.end'; conversationId: string; avatarId: string | null; body: EndBody }
  | { type: 'event'; event: NewEvent }
);

export type ConversationItem = Exclude<PreparedItem, { type: 'event' }>;

const generatedId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

export function conversationAttributes(body: ConversationBody): ConversationAttributes {
  return {
    // The raw IP is used here and then dropped: only the country is ever stored.
    country: body.customerIpAddress ? countryFromIp(body.customerIpAddress) : null,
    device: body.device ?? (body.userAgent ? deviceFromUserAgent(body.userAgent) : null),
  };
}

export function prepareItems(items: IngestItem[], receivedAt: Date): PreparedItem[] {
  return items.map((item, index): PreparedItem => {
    const at = item.at ?? receivedAt;
    switch (item.type) {
      case 'conversation':
        return { index, at, type: 'conversation', conversationId: item.body.id, body: item.body, attributes: conversationAttributes(item.body) };
      case 'conversation.initialize':
        return { index, at, type: 'conversation.initialize', conversationId: item.body.id, body: item.body, attributes: conversationAttributes(item.body) };
      case 'message': {
        const b = item.body;
        const message: NewMessage = {
          conversationId: item.conversationId,
          id: b.id ?? item.key ?? generatedId('msg'),
          role: b.role,
          content: b.content,
          createdAt: b.createdAt ?? at,
          promptTokens: b.tokens?.prompt ?? 0,
          completionTokens: b.tokens?.completion ?? 0,
          responseTimeMs: null,
          sentiment: b.role === 'user' ? scoreSentiment(b.content) : null,
          metadata: b.metadata ?? null,
        };
        return { index, at, type: 'message', conversationId: item.conversationId, avatarId: b.avatarId ?? null, message };
      }
      case 'action': {
        const b = item.body;
        const action: NewAction = {
          conversationId: item.conversationId,
          id: b.id ?? item.key ?? generatedId('act'),
          name: b.name,
          startedAt: b.startedAt ?? at,
          durationMs: b.durationMs ?? null,
          status: b.status ?? null,
          input: b.input ?? null,
          output: b.output ?? null,
          isEscalation: false,
        };
        return { index, at, type: 'action', conversationId: item.conversationId, avatarId: b.avatarId ?? null, action };
      }
      case 'conversation.end':
        return { index, at, type: 'conversation.end', conversationId: item.conversationId, avatarId: item.body.avatarId ?? null, body: item.body };
      case 'event': {
        const b = item.body;
        const event: NewEvent = {
          id: b.id ?? item.key ?? generatedId('evt'),
          name: b.name,
          conversationId: b.conversationId ?? null,
          avatarId: b.avatarId ?? null,
          properties: b.properties ?? null,
          timestamp: b.timestamp ?? at,
        };
        return { index, at, type: 'event', event };
      }
    }
  });
}
