import { PageHeader } from '@/components/shell/page-header';

export default function DevMailLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader title="Development outbox" description="E-mail this workspace would have sent: alerts, webhook failures, invitations, billing notices, weekly digests." />
      <div className="space-y-4 px-8 py-6">{children}</div>
    </>
  );
}
