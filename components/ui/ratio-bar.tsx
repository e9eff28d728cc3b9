/** A share or rate as a thin bar with its percentage beside it (table cells). `fill` is 0–1 of the bar. */
export function RatioBar({ fill, label }: { fill: number; label: string }) {
  return (
    <span className="flex items-center gap-2">
      <span className="h-2 flex-1 overflow-hidden rounded-full bg-gray-100" aria-hidden="true">
        <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${Math.min(Math.max(fill, 0), 1) * 100}%` }} />
      </span>
      <span className="w-12 text-right text-xs font-medium tabular-nums text-gray-700">{label}</span>
    </span>
  );
}
