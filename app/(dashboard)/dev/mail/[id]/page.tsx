import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findDevMail } from '@/db/queries/dev-mail';
import { DevMailBanner } from '@/components/settings/dev-mail-banner';
import { Alert } from '@/components/ui/alert';
import { actionUuid } from '@/lib/auth/action-input';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';
import { mailTransportKind } from '@/lib/mail/transport';

export const metadata: Metadata = { title: 'Development outbox' };

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { workspace, role } = await requireSessionContext(`/dev/mail`);
  if (!roleAtLeast(role, 'admin')) return <Alert tone="info">Only admins and owners of {workspace.name} can read its outbox.</Alert>;
  const parsed = actionUuid.safeParse(id);
  // Another workspace's message is as absent as one that never existed.
  const mail = parsed.success ? await findDevMail(workspace.id, parsed.data) : null;
  if (!mail) notFound();
  const facts: [string, string][] = [
    ['To', mail.to],
    ['Time', formatDateTime(mail.createdAt, workspace.timezone)],
    ...Object.entries(mail.headers),
  ];
  return (
    <>
      <DevMailBanner transport={mailTransportKind()} />
      <p>
        <Link href="/dev/mail" className="text-sm font-medium text-indigo-700 hover:underline">← All mail</Link>
      </p>
      <article className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-labelledby="mail-subject">
        <h2 id="mail-subject" className="text-lg font-semibold text-gray-900">{mail.subject}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-gray-500">{label}</dt>
              <dd className="break-all text-gray-900">{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-label="HTML version">
          <h3 className="mb-2 text-sm font-semibold text-gray-900">HTML</h3>
          {/* sandbox with no permissions: no script, no forms, no same-origin access to Confab. */}
          <iframe title={`HTML of “${mail.subject}”`} sandbox="" srcDoc={mail.html} referrerPolicy="no-referrer" className="h-[28rem] w-full rounded-md bg-white ring-1 ring-gray-200" />
        </section>
        <section aria-label="Text version">
          <h3 className="mb-2 text-sm font-semibold text-gray-900">Text</h3>
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-gray-50 p-4 text-sm text-gray-800 ring-1 ring-gray-200">{mail.text}</pre>
        </section>
      </article>
    </>
  );
}
