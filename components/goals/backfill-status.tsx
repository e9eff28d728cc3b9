/** Where a goal's back-fill over the stored conversations stands. */
import { Badge } from '@/components/transcripts/badges';
import type { Goal } from '@/lib/goals/service';
import { formatDateTime } from '@/lib/format';

export function BackfillStatus({ backfill, timezone }: { backfill: Goal['backfill']; timezone: string }) {
  if (backfill.status === 'done') {
    return (
      <Badge color="green" title={`Existing conversations evaluated ${formatDateTime(backfill.finishedAt, timezone)}`}>
        Up to date
      </Badge>
    );
  }
  if (backfill.status === 'failed') return <Badge color="red" title={backfill.error ?? undefined}>Back-fill failed</Badge>;
  return <Badge color="amber">{backfill.status === 'pending' ? 'Back-fill queued' : `Back-filling ${Math.floor(backfill.progress * 100)}%`}</Badge>;
}

/** Shown in a goal's card while its back-fill runs: the figures below are still growing. */
export function BackfillProgress({ backfill, name }: { backfill: Goal['backfill']; name: string }) {
  if (backfill.status === 'failed') {
    return (
      <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
        Evaluating the stored conversations failed{backfill.error ? `: ${backfill.error}` : ''}. New conversations are still evaluated; edit the goal to try again.
      </p>
    );
  }
  if (backfill.status === 'done') return null;
  const pct = Math.floor(backfill.progress * 100);
  return (
    <div className="mt-3">
      <div className="flex justify-between text-xs text-gray-600">
        <span>{backfill.status === 'pending' ? 'Waiting to evaluate the stored conversations…' : 'Evaluating the stored conversations; figures are still growing…'}</span>
        <span className="tabular-nums">{pct}%</span>
      </div>
      <div role="progressbar" aria-label={`Back-fill of ${name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="mt-1 h-1.5 overflow-hidden rounded-full bg-gray-100">
        <div className="h-full rounded-full bg-amber-500 transition-[width]" style={{ width: `${Math.max(pct, 2)}%` }} />
      </div>
    </div>
  );
}
