'use client';

import { TabNav } from '@/components/ui/tab-nav';

export function SettingsTabs() {
  return (
    <TabNav
      label="Settings"
      nested
      tabs={[
        { href: '/settings', label: 'General' },
        { href: '/settings/avatars', label: 'Avatars' },
        { href: '/settings/api-keys', label: 'API keys' },
        { href: '/settings/webhooks', label: 'Webhooks' },
        { href: '/settings/team', label: 'Team' },
        { href: '/settings/audit-log', label: 'Audit log' },
        { href: '/settings/billing', label: 'Billing' },
        { href: '/settings/notifications', label: 'Notifications' },
        { href: '/settings/account', label: 'Account' },
      ]}
    />
  );
}
