import type { Metadata } from 'next';
import { DigestPreferenceToggle } from '@/components/settings/digest-preference-toggle';
import { requireSessionContext } from '@/components/shell/session-context';
import { getDigestPreference, previewDigest } from '@/lib/digest/preferences';
import { weekLabel } from '@/lib/digest/render';
import { formatDateTime } from '@/lib/format';
import { requestOrigin } from '@/lib/http/origin';
import { setDigestPreferenceAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const { user, workspace } = await requireSessionContext('/settings/notifications');
  const origin = await requestOrigin();
  const [preference, preview] = await Promise.all([getDigestPreference(workspace.id, user.id), previewDigest(workspace, user.id, origin)]);
  return (
    <div className="max-w-5xl space-y-6">
      <section aria-labelledby="digest-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <h2 id="digest-heading" className="text-base font-semibold text-gray-900">
          Weekly digest
        </h2>
        <p className="mt-1 text-sm text-gray-500">
          Every Monday at 09:00 ({workspace.timezone}), an e-mail to {user.email} with last week’s figures for {workspace.name} and their change, goals,
          escalation reasons, alerts and three transcripts worth reading. Owners and admins get it unless they turn it off; members and viewers turn it on
          here. Each e-mail has a one-click unsubscribe link.
        </p>
        <div className="mt-4">
          <DigestPreferenceToggle enabled={preference.enabled} action={setDigestPreferenceAction} />
        </div>
      </section>
      <section aria-labelledby="preview-heading" className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <div>
          <h2 id="preview-heading" className="text-base font-semibold text-gray-900">
            Preview
          </h2>
          <p className="mt-1 text-sm text-gray-500">
            This week’s digest: the week of {weekLabel(preview.week.weekStart)}, sent {formatDateTime(preview.week.sendAt, workspace.timezone)}. Subject: “{preview.mail.subject}”
          </p>
        </div>
        {/* sandbox with no permissions: the e-mail's HTML runs nothing and reaches nothing of Confab. */}
        <iframe title="Preview of the weekly digest" sandbox="" srcDoc={preview.mail.html} referrerPolicy="no-referrer" className="h-[48rem] w-full rounded-md bg-white ring-1 ring-gray-200" />
      </section>
    </div>
  );
}
