/** How an endpoint is doing: enabled or why not, its 24-hour success rate, its last failure. */
import { Badge } from '@/components/transcripts/badges';
import { formatPercent, formatRelative } from '@/lib/format';
import type { Webhook } from '@/lib/webhooks/service';

export function EnabledBadge({ webhook }: { webhook: Pick<Webhook, 'enabled' | 'disabledReason'> }) {
  if (webhook.enabled) return <Badge color="green">Enabled</Badge>;
  return <Badge color="gray" title={webhook.disabledReason ?? undefined}>Disabled</Badge>;
}

/** Why it is disabled, when Confab (not a person) turned it off. */
export function DisabledReason({ webhook }: { webhook: Pick<Webhook, 'enabled' | 'disabledReason'> }) {
  if (webhook.enabled || !webhook.disabledReason) return null;
  return <span className="block text-xs text-amber-700">{webhook.disabledReason}</span>;
}

export function SuccessRate({ health }: { health: Webhook['health'] }) {
  if (health.successRate24h === null) return <span className="text-gray-400">No attempts</span>;
  const rate = health.successRate24h;
  const color = rate >= 0.99 ? 'text-emerald-700' : rate >= 0.9 ? 'text-amber-700' : 'text-red-700';
  return (
    <span>
      <span className={`font-semibold tabular-nums ${color}`}>{formatPercent(rate)}</span>
      <span className="block text-xs text-gray-500">
        of {health.attempts24h} attempt{health.attempts24h === 1 ? '' : 's'}
      </span>
    </span>
  );
}

export const failureReason = (f: NonNullable<Webhook['health']['lastFailure']>) =>
  [f.statusCode === null ? null : `HTTP ${f.statusCode}`, f.error].filter(Boolean).join(' · ') || 'Failed';

export function LastFailure({ health }: { health: Webhook['health'] }) {
  const failure = health.lastFailure;
  if (!failure) return <span className="text-gray-400">None</span>;
  return (
    <span className="block max-w-[16rem]">
      <span className="text-gray-700">{formatRelative(failure.at)}</span>
      <span className="block truncate text-xs text-red-700" title={failureReason(failure)}>
        {failureReason(failure)}
      </span>
    </span>
  );
}
