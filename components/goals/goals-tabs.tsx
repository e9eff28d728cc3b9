'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/goals', label: 'Goals' },
  { href: '/goals/funnels', label: 'Funnels' },
];

/** Goals and Funnels share the sidebar entry; this switches between them. */
export function GoalsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Goals and funnels" className="flex gap-6 border-b border-gray-200 bg-white px-8">
      {TABS.map((tab) => {
        const active = tab.href === '/goals' ? pathname === '/goals' : pathname.startsWith(tab.href);
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
