'use client';

import { TabNav } from '@/components/ui/tab-nav';

/** Goals and Funnels share the sidebar entry; this switches between them. */
export function GoalsTabs() {
  return (
    <TabNav
      label="Goals and funnels"
      nested
      tabs={[
        { href: '/goals', label: 'Goals' },
        { href: '/goals/funnels', label: 'Funnels' },
      ]}
    />
  );
}
