/** Tool calls per tool name with their mean duration ("Tool Usage and Average Duration"). */
import type { ToolUsage } from '@/lib/analytics/types';
import { formatMs, formatNumber } from '@/lib/format';
import { EmptyWidget } from './widget-card';

export function ToolUsageTable({ usage, limit = 8 }: { usage: ToolUsage; limit?: number }) {
  const rows = [...usage.data].sort((a, b) => b.calls - a.calls);
  if (rows.length === 0) return <EmptyWidget>No tool calls in this range.</EmptyWidget>;
  const max = Math.max(...rows.map((r) => r.calls), 1);
  const shown = rows.slice(0, limit);
  return (
    <div className="min-w-0 overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs font-medium text-gray-500">
          <tr>
            <th scope="col" className="pb-2 pr-3 font-medium">Tool</th>
            <th scope="col" className="w-2/5 pb-2 pr-3 font-medium">Calls</th>
            <th scope="col" className="pb-2 pr-3 text-right font-medium">Avg. duration</th>
            <th scope="col" className="pb-2 text-right font-medium">Escalations</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {shown.map((tool) => (
            <tr key={tool.name}>
              <th scope="row" className="max-w-[12rem] truncate py-2 pr-3 text-left font-mono text-xs font-medium text-gray-800" title={tool.name}>
                {tool.name}
              </th>
              <td className="py-2 pr-3">
                <span className="flex items-center gap-2">
                  <span className="h-2 rounded-full bg-indigo-400" style={{ width: `${Math.max(3, (tool.calls / max) * 100)}%` }} aria-hidden="true" />
                  <span className="tabular-nums text-gray-900">{formatNumber(tool.calls)}</span>
                </span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums text-gray-700">{formatMs(tool.avgDurationMs)}</td>
              <td className="py-2 text-right tabular-nums">
                {tool.escalations > 0 ? (
                  <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-700">{formatNumber(tool.escalations)}</span>
                ) : (
                  <span className="text-gray-400">0</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? <p className="mt-2 text-xs text-gray-500">and {rows.length - shown.length} more tools</p> : null}
    </div>
  );
}
