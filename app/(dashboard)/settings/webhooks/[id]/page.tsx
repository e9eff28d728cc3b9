import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { DeliveryFilterLinks } from '@/components/webhooks/delivery-filter';
import { DeliveryLog, DeliveryLogSkeleton } from '@/components/webhooks/delivery-log';
import { RecoverFailedForm } from '@/components/webhooks/recover-failed-form';
import { WebhookControls } from '@/components/webhooks/webhook-controls';
import { WebhookDetails } from '@/components/webhooks/webhook-details';
import { WebhookForm } from '@/components/webhooks/webhook-form';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import type { QueryParams } from '@/lib/http/query';
import { routeIdOrNull } from '@/lib/http/route-id';
import { TEST_EVENT_TYPES } from '@/lib/webhooks/events';
import { deliveryPageHref, parseDeliveryPageQuery } from '@/lib/webhooks/page-query';
import { getWebhook } from '@/lib/webhooks/service';
import { deleteWebhookAction, recoverFailedAction, rotateWebhookSecretAction, sendTestEventAction, setWebhookEnabledAction, updateWebhookAction } from '../actions';
import { eventOptions } from '../event-options';

export const metadata: Metadata = { title: 'Webhook' };

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<QueryParams> }) {
  const id = routeIdOrNull((await params).id);
  if (id === null) notFound();
  const base = `/settings/webhooks/${encodeURIComponent(id)}`;
  const { workspace, role } = await requireSessionContext(base);
  const webhook = await getWebhook(workspace.id, id);
  if (!webhook) notFound();
  const canEdit = roleAtLeast(role, 'admin');
  const query = parseDeliveryPageQuery(await searchParams);

  return (
    <div className="space-y-6">
      <Link href="/settings/webhooks" className="text-sm font-medium text-indigo-700 hover:text-indigo-500">
        ← All webhooks
      </Link>
      <div className={canEdit ? 'grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_400px]' : 'max-w-4xl'}>
        <div className="min-w-0 space-y-6">
          <WebhookDetails webhook={webhook} timezone={workspace.timezone} />
          {canEdit ? (
            <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
              <h2 className="mb-4 text-base font-semibold text-gray-900">Edit endpoint</h2>
              <WebhookForm
                // Remounted when the switch beside it flips `enabled`, so its checkbox never saves a stale value.
                key={String(webhook.enabled)}
                save={updateWebhookAction.bind(null, id)}
                eventOptions={eventOptions()}
                initial={webhook}
                submitLabel="Save changes"
                pendingLabel="Saving…"
                idPrefix="edit-webhook"
              />
            </section>
          ) : null}
        </div>
        {canEdit ? (
          <WebhookControls
            url={webhook.url}
            enabled={webhook.enabled}
            testTypes={TEST_EVENT_TYPES}
            setEnabled={setWebhookEnabledAction.bind(null, id)}
            rotate={rotateWebhookSecretAction.bind(null, id)}
            sendTest={sendTestEventAction.bind(null, id)}
            remove={deleteWebhookAction.bind(null, id)}
          />
        ) : null}
      </div>
      <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-labelledby="delivery-log">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-5">
          <div className="space-y-3">
            <h2 id="delivery-log" className="text-base font-semibold text-gray-900">Delivery log</h2>
            <DeliveryFilterLinks base={base} current={query.status} />
          </div>
          {canEdit ? <RecoverFailedForm recover={recoverFailedAction.bind(null, id)} /> : null}
        </div>
        <Suspense key={deliveryPageHref(base, query)} fallback={<DeliveryLogSkeleton />}>
          <DeliveryLog workspaceId={workspace.id} webhookId={id} timezone={workspace.timezone} query={query} />
        </Suspense>
      </section>
    </div>
  );
}
