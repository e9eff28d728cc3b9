'use client';

import { TabNav } from '@/components/ui/tab-nav';

export function SettingsTabs() {
  return (
    <TabNav
      label="Settings"
      tabs={[
        { href: '/settings', label: 'General' },
        { href: '/settings/avatars', label: 'Avatars' },
        { href: '/settings/api-keys', label: 'API keys' },
        { href: '/settings/team', label: 'Team' },
        { href: '/settings/account', label: 'Account' },
      ]}
    />
  );
}
