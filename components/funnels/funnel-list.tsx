/** The workspace's funnels as links; the selected one is marked, and each link keeps the range and avatar. */
import Link from 'next/link';
import type { Funnel } from '@/lib/funnels/service';

export function FunnelList({ funnels, selectedId, query, avatarNames }: { funnels: Funnel[]; selectedId: string | null; query: string; avatarNames: Map<string, string> }) {
  return (
    <nav aria-label="Funnels" className="rounded-xl bg-white p-2 shadow-sm ring-1 ring-gray-200 lg:self-start">
      <ul className="space-y-0.5">
        {funnels.map((funnel) => {
          const selected = funnel.id === selectedId;
          return (
            <li key={funnel.id}>
              <Link
                href={`/goals/funnels/${encodeURIComponent(funnel.id)}${query}`}
                aria-current={selected ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 ${selected ? 'bg-indigo-50' : 'hover:bg-gray-50'}`}
              >
                <span className={`block truncate text-sm font-medium ${selected ? 'text-indigo-700' : 'text-gray-900'}`}>{funnel.name}</span>
                <span className="block truncate text-xs text-gray-500">
                  {funnel.steps.length} steps{funnel.avatarId ? ` · ${avatarNames.get(funnel.avatarId) ?? funnel.avatarId}` : ''}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
