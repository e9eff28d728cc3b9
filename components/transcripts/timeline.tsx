/** The conversation as a chat: messages, tool calls, escalations, goals and custom events in time order. Content is always plain text. */
import { dateTimeFormat } from '@/lib/format';
import { formatMs } from '@/lib/format';
import type { Transcript } from '@/lib/transcripts/transcript';
import { Badge, SentimentBadge } from './badges';

type Item =
  | { kind: 'message'; at: string; m: Transcript['messages'][number] }
  | { kind: 'action'; at: string; a: Transcript['actions'][number] }
  | { kind: 'event'; at: string; e: Transcript['events'][number] }
  | { kind: 'goal'; at: string; g: Transcript['goalCompletions'][number] };

function timeline(t: Transcript): Item[] {
  const items: Item[] = [
    ...t.messages.map((m) => ({ kind: 'message' as const, at: m.createdAt, m })),
    ...t.actions.map((a) => ({ kind: 'action' as const, at: a.startedAt, a })),
    ...t.events.map((e) => ({ kind: 'event' as const, at: e.timestamp, e })),
    ...t.goalCompletions.map((g) => ({ kind: 'goal' as const, at: g.completedAt, g })),
  ];
  return items.map((item, i) => ({ item, i })).sort((x, y) => x.item.at.localeCompare(y.item.at) || x.i - y.i).map((x) => x.item);
}

const time = (iso: string, timeZone: string) =>
  dateTimeFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(new Date(iso));

function Marker({ tone, children, at, timezone }: { tone: 'amber' | 'gray' | 'indigo'; children: React.ReactNode; at: string; timezone: string }) {
  const line = { amber: 'border-amber-300 bg-amber-50 text-amber-900', gray: 'border-gray-200 bg-gray-50 text-gray-700', indigo: 'border-indigo-200 bg-indigo-50 text-indigo-900' }[tone];
  return (
    <li className="flex justify-center">
      <div className={`flex max-w-[80%] flex-wrap items-center gap-2 rounded-full border px-3 py-1 text-xs ${line}`}>
        {children}
        <time dateTime={at} className="text-gray-500">{time(at, timezone)}</time>
      </div>
    </li>
  );
}

export function Timeline({ transcript, timezone }: { transcript: Transcript; timezone: string }) {
  const items = timeline(transcript);
  if (items.length === 0) return <p className="py-10 text-center text-sm text-gray-500">This conversation has no messages yet.</p>;
  return (
    <ol className="space-y-4" aria-label="Transcript">
      {items.map((item) => {
        if (item.kind === 'action') {
          const a = item.a;
          return (
            <Marker key={`a-${a.id}`} tone={a.isEscalation ? 'amber' : 'gray'} at={item.at} timezone={timezone}>
              {a.isEscalation ? <Badge color="amber">Escalation</Badge> : null}
              <span>Tool call <code className="font-mono">{a.name}</code>{a.durationMs !== null ? ` · ${formatMs(a.durationMs)}` : ''}{a.status ? ` · ${a.status}` : ''}</span>
            </Marker>
          );
        }
        if (item.kind === 'event') {
          const props = item.e.properties ? JSON.stringify(item.e.properties) : '';
          return (
            <Marker key={`e-${item.e.id}`} tone="gray" at={item.at} timezone={timezone}>
              <span>Event <code className="font-mono">{item.e.name}</code></span>
              {props ? <code className="max-w-xs truncate font-mono text-gray-500" title={props}>{props}</code> : null}
            </Marker>
          );
        }
        if (item.kind === 'goal') {
          return (
            <Marker key={`g-${item.g.goalId}`} tone="indigo" at={item.at} timezone={timezone}>
              <Badge color="indigo">Goal reached</Badge>
              <span>{item.g.name}</span>
            </Marker>
          );
        }
        const m = item.m;
        const mine = m.role === 'user';
        const tokens = m.tokens.prompt + m.tokens.completion;
        return (
          <li key={`m-${m.id}`} className={`flex ${mine ? 'justify-end' : 'justify-start'}`}>
            <div className={`max-w-[75%] ${mine ? 'items-end' : 'items-start'} flex flex-col gap-1`}>
              <div className="flex items-center gap-2 text-xs text-gray-500">
                <span className="font-medium capitalize text-gray-700">{m.role}</span>
                <time dateTime={m.createdAt}>{time(m.createdAt, timezone)}</time>
                {tokens > 0 ? <span title={`${m.tokens.prompt} prompt + ${m.tokens.completion} completion`}>{tokens} tokens</span> : null}
                {m.responseTimeMs !== null ? <span>replied in {formatMs(m.responseTimeMs)}</span> : null}
                {mine ? <SentimentBadge sentiment={m.sentiment} /> : null}
              </div>
              <p
                data-testid="message-content"
                className={`whitespace-pre-wrap break-words rounded-2xl px-4 py-2.5 text-sm ${
                  mine ? 'rounded-br-sm bg-indigo-600 text-white' : m.role === 'system' ? 'bg-gray-100 italic text-gray-600' : 'rounded-bl-sm bg-white text-gray-900 ring-1 ring-gray-200'
                }`}
              >
                {m.content}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
