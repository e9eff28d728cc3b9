import { PageHeader } from '@/components/shell/page-header';
import { SettingsTabs } from '@/components/settings/settings-tabs';

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, its avatars, API keys, webhooks, team, audit log, billing and your notifications." />
      <SettingsTabs />
      <div className="px-8 py-6">{children}</div>
    </>
  );
}
