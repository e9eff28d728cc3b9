/** The side panel of the transcript viewer: who, where, how it went, and the raw metadata. */
import { formatDateTime, formatDuration } from '@/lib/format';
import type { Transcript } from '@/lib/transcripts/transcript';
import { OutcomeBadges, SentimentBadge } from './badges';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2">
      <dt className="text-gray-500">{label}</dt>
      <dd className="truncate text-right font-medium text-gray-900">{children ?? '—'}</dd>
    </div>
  );
}

export function ConversationFacts({ t, timezone }: { t: Transcript; timezone: string }) {
  const feedback = t.feedback ?? (t.feedbackRating !== null ? `${t.feedbackRating}/5` : null);
  return (
    <aside className="space-y-4">
      <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200">
        <h2 className="mb-1 text-sm font-semibold text-gray-900">Conversation</h2>
        <dl className="divide-y divide-gray-100">
          <Fact label="Avatar">{t.avatarName}</Fact>
          <Fact label="Status">{t.status === 'active' ? 'Active' : 'Ended'}</Fact>
          <Fact label="Started">{formatDateTime(t.startedAt, timezone)}</Fact>
          <Fact label="Duration">{t.duration === null ? 'Ongoing' : formatDuration(t.duration)}</Fact>
          <Fact label="Messages">{t.messages.length}</Fact>
          <Fact label="Tokens">{t.tokens.total}</Fact>
          <Fact label="Prompt / completion">{`${t.tokens.prompt} / ${t.tokens.completion}`}</Fact>
          <Fact label="Sentiment"><SentimentBadge sentiment={t.sentiment} /></Fact>
          <Fact label="Outcome">{t.escalated || t.goalReached ? <OutcomeBadges escalated={t.escalated} goalReached={t.goalReached} /> : 'None'}</Fact>
          <Fact label="Feedback">{feedback}</Fact>
        </dl>
      </section>
      <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200">
        <h2 className="mb-1 text-sm font-semibold text-gray-900">Visitor</h2>
        <dl className="divide-y divide-gray-100">
          <Fact label="Customer">{t.customerId}</Fact>
          <Fact label="Device">{t.device}</Fact>
          <Fact label="Source">{t.source}</Fact>
          <Fact label="Language">{t.language}</Fact>
          <Fact label="Country">{t.country}</Fact>
        </dl>
      </section>
      {t.metadata && Object.keys(t.metadata).length > 0 ? (
        <section className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200">
          <h2 className="mb-2 text-sm font-semibold text-gray-900">Metadata</h2>
          <pre className="max-h-64 overflow-auto rounded bg-gray-50 p-2 font-mono text-xs text-gray-700">{JSON.stringify(t.metadata, null, 2)}</pre>
        </section>
      ) : null}
    </aside>
  );
}
