import type { HttpMethod } from '@/lib/openapi/types';

const STYLES: Record<HttpMethod, string> = {
  get: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  post: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  put: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  patch: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  delete: 'bg-rose-50 text-rose-700 ring-rose-600/20',
};

export function MethodBadge({ method, size = 'md' }: { method: HttpMethod; size?: 'sm' | 'md' }) {
  const sizing = size === 'sm' ? 'w-11 px-1 py-0.5 text-[10px]' : 'px-2 py-1 text-xs';
  return (
    <span className={`inline-flex shrink-0 justify-center rounded-md font-mono font-semibold uppercase ring-1 ring-inset ${sizing} ${STYLES[method]}`}>
      {method}
    </span>
  );
}
