import type { Metadata } from 'next';
import Link from 'next/link';
import { listDevMail } from '@/db/queries/dev-mail';
import { DevMailBanner } from '@/components/settings/dev-mail-banner';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';
import { mailTransportKind } from '@/lib/mail/transport';

export const metadata: Metadata = { title: 'Development outbox' };

export default async function DevMailPage() {
  const { workspace, role } = await requireSessionContext('/dev/mail');
  if (!roleAtLeast(role, 'admin')) return <Alert tone="info">Only admins and owners of {workspace.name} can read its outbox.</Alert>;
  const mail = await listDevMail(workspace.id);
  return (
    <>
      <DevMailBanner transport={mailTransportKind()} />
      {mail.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-500">No mail for {workspace.name} yet.</p>
      ) : (
        <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-label={`Mail of ${workspace.name}`}>
          <DataTable columns={[{ label: 'Subject' }, { label: 'To' }, { label: 'Time' }]}>
            {mail.map((m) => (
              <tr key={m.id} className="hover:bg-indigo-50/40">
                <td className="px-6 py-3">
                  <Link href={`/dev/mail/${m.id}`} className="font-medium text-indigo-700 hover:underline">{m.subject}</Link>
                </td>
                <td className="max-w-[20rem] truncate px-3 py-3 text-gray-700" title={m.to}>{m.to}</td>
                <td className="whitespace-nowrap px-6 py-3 text-gray-500">{formatDateTime(m.createdAt, workspace.timezone)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}
