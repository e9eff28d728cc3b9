/** A ranked list with share bars: sources, languages, countries, avatars. Plain HTML, no client code. */
import Link from 'next/link';
import { formatNumber, formatPercent } from '@/lib/format';
import { EmptyWidget } from './widget-card';

export type ShareRow = { key: string; label: string; value: number; share: number; href?: string; prefix?: string };

export function ShareList({ rows, empty, limit = 8, unit = 'conversations' }: { rows: ShareRow[]; empty: string; limit?: number; unit?: string }) {
  if (rows.length === 0 || rows.every((r) => r.value === 0)) return <EmptyWidget>{empty}</EmptyWidget>;
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit);
  const top = Math.max(...shown.map((r) => r.share), 0.0001);
  return (
    <div className="min-w-0">
      <ul className="space-y-1.5">
        {shown.map((row) => (
          <li key={row.key} className="relative flex items-center gap-3 rounded-md px-2 py-1.5 text-sm" aria-label={`${row.label}: ${formatNumber(row.value)} ${unit}, ${formatPercent(row.share)}`}>
            <span className="absolute inset-y-0 left-0 rounded-md bg-indigo-50" style={{ width: `${Math.max(2, (row.share / top) * 100)}%` }} aria-hidden="true" />
            <span className="relative flex min-w-0 flex-1 items-center gap-2 truncate text-gray-800">
              {row.prefix ? <span aria-hidden="true">{row.prefix}</span> : null}
              {row.href ? (
                <Link href={row.href} className="truncate font-medium text-indigo-700 hover:underline">
                  {row.label}
                </Link>
              ) : (
                <span className="truncate">{row.label}</span>
              )}
            </span>
            <span className="relative font-medium tabular-nums text-gray-900">{formatNumber(row.value)}</span>
            <span className="relative w-12 text-right text-xs tabular-nums text-gray-500">{formatPercent(row.share, 0)}</span>
          </li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <p className="mt-2 px-2 text-xs text-gray-500">
          and {rest.length} more ({formatNumber(rest.reduce((sum, r) => sum + r.value, 0))} {unit})
        </p>
      ) : null}
    </div>
  );
}

/** The flag emoji of an ISO 3166-1 alpha-2 code, or a globe for anything else. */
export function flagEmoji(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return '🌐';
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
