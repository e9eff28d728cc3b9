/**
 * The Overview's escalations: by reason, by avatar and over time, and what users said last before being
 * handed over (recurring phrases and the latest messages). Every row links to the transcripts behind it.
 */
import Link from 'next/link';
import type { Escalations } from '@/lib/analytics/types';
import { formatNumber, formatPercent } from '@/lib/format';
import { EscalationsChart } from './escalations-chart';
import { formatBucket } from './format-bucket';
import { loadEscalations, toAnalyticsFilter, type Scope } from './loaders';
import { transcriptsHref } from './transcripts-link';
import { EmptyWidget, WidgetCard } from './widget-card';

const END_CALL = 'end_call';
const reasonLabel = (reason: string) => (reason === END_CALL ? 'End call (escalated: true)' : reason);
const transcriptHref = (id: string) => `/transcripts/${encodeURIComponent(id)}`;

type Row = { key: string; label: string; href: string; conversations: number; share: number; mono?: boolean };

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: Row[] }) {
  // Wrapped so the grid row's height (set by the chart) does not stretch the table's rows apart.
  return (
    <div className="min-w-0 self-start">
      <table className="min-w-full text-sm">
        <caption className="pb-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">{caption}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Escalations</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="max-w-[14rem] truncate py-1.5 pr-3 text-left font-medium" title={row.label}>
                <Link href={row.href} className={`text-indigo-700 hover:underline ${row.mono ? 'font-mono text-xs' : ''}`}>{row.label}</Link>
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums text-gray-900">{formatNumber(row.conversations)}</td>
              <td className="w-12 py-1.5 text-right text-xs tabular-nums text-gray-500">{formatPercent(row.share, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Phrases({ escalations }: { escalations: Escalations }) {
  if (escalations.phrases.length === 0) {
    return <p className="text-sm text-gray-500">No word or phrase recurs in the last user messages yet.</p>;
  }
  return (
    <div className="min-w-0 self-start">
      <table className="min-w-full text-sm">
        <caption className="pb-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">Recurring in the last user message</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Phrase</th>
            <th scope="col">Escalations</th>
            <th scope="col">Examples</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {escalations.phrases.map((p) => (
            <tr key={p.phrase}>
              <th scope="row" className="py-1.5 pr-3 text-left font-medium text-gray-800">“{p.phrase}”</th>
              <td className="py-1.5 pr-3 text-right tabular-nums text-gray-900">{formatNumber(p.conversations)}</td>
              <td className="py-1.5 text-right text-xs">
                {p.conversationIds.map((id, i) => (
                  <Link key={id} href={transcriptHref(id)} className="ml-1.5 text-indigo-700 hover:underline" aria-label={`Transcript ${id} (“${p.phrase}”)`}>
                    #{i + 1}
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LastMessages({ escalations }: { escalations: Escalations }) {
  return (
    <div>
      <h3 className="pb-2 text-xs font-semibold uppercase tracking-wide text-gray-500">Latest: what the user said last</h3>
      <ul className="divide-y divide-gray-100">
        {escalations.lastMessages.map((m) => (
          <li key={m.conversationId}>
            <Link href={transcriptHref(m.conversationId)} className="flex items-baseline gap-3 py-1.5 text-sm hover:bg-gray-50">
              <span className="min-w-0 flex-1 truncate text-gray-800">{m.lastUserMessage ? `“${m.lastUserMessage}”` : <em className="text-gray-400">no user message</em>}</span>
              <span className="shrink-0 rounded bg-amber-50 px-1.5 py-0.5 font-mono text-[11px] text-amber-700">{m.reason}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export async function EscalationsSection({ scope, escalationRate }: { scope: Scope; escalationRate: number | null }) {
  const escalations = await loadEscalations(scope);
  const range = toAnalyticsFilter(scope).range;
  const link = (extra: Record<string, string>) => transcriptsHref(scope.filters, range, { escalated: 'true', ...extra });
  const description =
    escalations.total === 0
      ? 'Conversations handed to a human'
      : `${formatNumber(escalations.total)} escalated conversation${escalations.total === 1 ? '' : 's'} (${formatPercent(escalationRate)} of conversations) · `;
  return (
    <WidgetCard
      title="Escalations"
      description={
        escalations.total === 0 ? (
          description
        ) : (
          <>
            {description}
            <Link href={link({})} className="font-medium text-indigo-600 hover:underline">read them</Link>
          </>
        )
      }
    >
      {escalations.total === 0 ? (
        <EmptyWidget className="h-32">No escalations in this range.</EmptyWidget>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-3">
            <CountTable
              caption="By reason"
              heading="Reason"
              rows={escalations.byReason.map((r) => ({ key: r.reason, label: reasonLabel(r.reason), href: link({ escalationReason: r.reason }), conversations: r.conversations, share: r.share, mono: r.reason !== END_CALL }))}
            />
            <CountTable
              caption="By avatar"
              heading="Avatar"
              rows={escalations.byAvatar.map((a) => ({ key: a.id, label: a.name, href: link({ avatarId: a.id }), conversations: a.conversations, share: a.share }))}
            />
            <div className="min-w-0">
              <h3 className="pb-2 text-xs font-semibold uppercase tracking-wide text-gray-500">Per {escalations.groupBy}</h3>
              <EscalationsChart rows={escalations.series.map((b) => ({ label: formatBucket(b.date, escalations.groupBy, escalations.timezone), Escalations: b.escalations }))} />
            </div>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Phrases escalations={escalations} />
            <LastMessages escalations={escalations} />
          </div>
        </div>
      )}
    </WidgetCard>
  );
}
