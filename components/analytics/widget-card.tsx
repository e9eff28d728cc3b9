/** The frame of every dashboard widget: a titled region (so tests and screen readers can find it by name). */
import { useId } from 'react';

export function WidgetCard({
  title,
  description,
  actions,
  className = '',
  children,
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`flex min-w-0 flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 ${className}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={id} className="text-sm font-semibold text-gray-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-gray-500">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div className="mt-4 flex min-h-0 flex-1 flex-col">{children}</div>
    </section>
  );
}

/** What a widget says when the range holds nothing for it. */
export function EmptyWidget({ children, className = 'h-48' }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={`flex items-center justify-center rounded-lg border border-dashed border-gray-200 px-4 text-center text-sm text-gray-500 ${className}`}>
      <p>{children}</p>
    </div>
  );
}
