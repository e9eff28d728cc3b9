/**
 * The change of a figure against the previous period of equal length: relative for counts and durations,
 * in percentage points for rates, and explicit about a zero or missing previous value. The dashboard's
 * cards and the weekly digest both say it this way.
 */
export type ChangeKind = 'count' | 'rate';

export type Change =
  | { kind: 'none' }
  | { kind: 'same' }
  | { kind: 'new' }
  | { kind: 'relative'; value: number }
  | { kind: 'points'; value: number };

export function computeChange(current: number | null | undefined, previous: number | null | undefined, kind: ChangeKind): Change {
  if (current === null || current === undefined || previous === null || previous === undefined) return { kind: 'none' };
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return { kind: 'none' };
  if (kind === 'rate') {
    const points = (current - previous) * 100;
    return Math.abs(points) < 0.05 ? { kind: 'same' } : { kind: 'points', value: points };
  }
  if (previous === 0) return current === 0 ? { kind: 'same' } : { kind: 'new' };
  const relative = (current - previous) / Math.abs(previous);
  return Math.abs(relative) < 0.0005 ? { kind: 'same' } : { kind: 'relative', value: relative };
}
