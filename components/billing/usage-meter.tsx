const exact = (n: number) => n.toLocaleString('en-US');

/** One usage figure against its limit, as a labelled progress bar that turns amber at 80 % and red at 100 %. */
export function UsageMeter({ label, used, limit, note }: { label: string; used: number; limit: number | null; note?: string }) {
  const fraction = limit ? Math.min(used / limit, 1) : 0;
  const tone = !limit ? 'bg-gray-300' : used >= limit ? 'bg-red-500' : used * 5 >= limit * 4 ? 'bg-amber-500' : 'bg-indigo-500';
  const id = `meter-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-4">
        <span id={id} className="text-sm font-medium text-gray-900">
          {label}
        </span>
        <span className="text-sm tabular-nums text-gray-600">
          <span className="font-semibold text-gray-900">{exact(used)}</span>
          {limit ? ` of ${exact(limit)}` : ' · unlimited'}
          {limit ? <span className="ml-2 text-xs text-gray-500">{Math.floor((used / limit) * 100)} %</span> : null}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={limit ?? undefined}
        aria-valuenow={used}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-gray-100"
      >
        <div className={`h-full rounded-full transition-all ${tone}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      {note ? <p className="mt-1.5 text-xs text-gray-500">{note}</p> : null}
    </div>
  );
}
