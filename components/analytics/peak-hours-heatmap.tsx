/**
 * Messages by weekday × hour as a grid of cells shaded by volume (Tremor has no heatmap). A cell's title is
 * its tooltip and, having no other label, its accessible name: one copy of the text for 168 cells.
 */
import type { PeakHours } from '@/lib/analytics/types';
import { formatNumber } from '@/lib/format';
import { EmptyWidget } from './widget-card';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHADES = ['bg-gray-100', 'bg-indigo-100', 'bg-indigo-200', 'bg-indigo-300', 'bg-indigo-400', 'bg-indigo-500', 'bg-indigo-700'];

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

function shade(value: number, max: number): string {
  if (value <= 0 || max <= 0) return SHADES[0];
  return SHADES[Math.max(1, Math.ceil((value / max) * (SHADES.length - 1)))];
}

export function PeakHoursHeatmap({ peak }: { peak: PeakHours }) {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const cell of peak.data) if (cell.weekday >= 0 && cell.weekday < 7 && cell.hour >= 0 && cell.hour < 24) grid[cell.weekday][cell.hour] += cell.messages;
  const max = Math.max(0, ...grid.flat());
  if (max === 0) return <EmptyWidget>No messages in this range.</EmptyWidget>;
  let busiest = { weekday: 0, hour: 0 };
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) if (grid[d][h] > grid[busiest.weekday][busiest.hour]) busiest = { weekday: d, hour: h };
  const describe = (d: number, h: number) => `${DAYS[d]} ${hourLabel(h)}–${hourLabel((h + 1) % 24)}: ${formatNumber(grid[d][h])} message${grid[d][h] === 1 ? '' : 's'}`;

  return (
    <div className="min-w-0">
      <p className="text-xs text-gray-500">
        Busiest: <span className="font-medium text-gray-900">{describe(busiest.weekday, busiest.hour)}</span>
      </p>
      <div role="group" aria-label="Messages by weekday and hour" className="mt-3 overflow-x-auto">
        <div className="grid min-w-[640px] grid-cols-[3rem_repeat(24,minmax(0,1fr))] gap-[3px]">
          <span aria-hidden="true" />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} aria-hidden="true" className="text-center text-[10px] leading-4 text-gray-400">
              {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
            </span>
          ))}
          {grid.map((row, d) => (
            <div key={d} role="list" aria-label={DAYS[d]} className="contents">
              <span aria-hidden="true" className="self-center text-xs text-gray-500">
                {DAYS[d].slice(0, 3)}
              </span>
              {row.map((_, h) => (
                <span key={h} role="listitem" title={describe(d, h)} className={`aspect-[4/3] rounded-sm ${shade(grid[d][h], max)}`} />
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="mt-3 flex items-center justify-end gap-1 text-[11px] text-gray-500" aria-hidden="true">
        <span className="mr-1">Fewer</span>
        {SHADES.map((s) => (
          <span key={s} className={`h-3 w-4 rounded-sm ${s}`} />
        ))}
        <span className="ml-1">More</span>
      </div>
    </div>
  );
}
