'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type Tab = { href: string; label: string };

/**
 * Tabs under a page header. A tab is current on its exact path, or (with `nested`) on paths below it;
 * the first tab only ever on its exact path, since every other tab lies below it.
 */
export function TabNav({ label, tabs, nested = false }: { label: string; tabs: Tab[]; nested?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex gap-6 border-b border-gray-200 bg-white px-8">
      {tabs.map((tab, i) => {
        const active = pathname === tab.href || (nested && i > 0 && pathname.startsWith(`${tab.href}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px border-b-2 py-3 text-sm font-medium ${active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-gray-500 hover:text-gray-800'}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
