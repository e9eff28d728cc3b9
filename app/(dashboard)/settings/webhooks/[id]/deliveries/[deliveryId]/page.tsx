import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AttemptsTable, DeliverySummary, PayloadBlock } from '@/components/webhooks/delivery-detail';
import { RedeliverButton } from '@/components/webhooks/redeliver-button';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { routeIdOrNull } from '@/lib/http/route-id';
import { getDelivery, getWebhook } from '@/lib/webhooks/service';
import { redeliverAction } from '../../../actions';

export const metadata: Metadata = { title: 'Webhook delivery' };

export default async function DeliveryPage({ params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  const raw = await params;
  const id = routeIdOrNull(raw.id);
  const deliveryId = routeIdOrNull(raw.deliveryId);
  if (id === null || deliveryId === null) notFound();
  const base = `/settings/webhooks/${encodeURIComponent(id)}`;
  const { workspace, role } = await requireSessionContext(`${base}/deliveries/${encodeURIComponent(deliveryId)}`);
  const [webhook, delivery] = await Promise.all([getWebhook(workspace.id, id), getDelivery(workspace.id, id, deliveryId)]);
  if (!webhook || !delivery) notFound();

  return (
    <div className="space-y-6">
      <Link href={base} className="text-sm font-medium text-indigo-700 hover:text-indigo-500">
        ← Delivery log of {webhook.url}
      </Link>
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <div className="mb-5 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 className="font-mono text-base font-semibold text-gray-900">{delivery.type}</h2>
            <p className="mt-0.5 font-mono text-xs text-gray-500">{delivery.id}</p>
          </div>
          {roleAtLeast(role, 'admin') ? <RedeliverButton redeliver={redeliverAction.bind(null, id, deliveryId)} /> : null}
        </div>
        <DeliverySummary delivery={delivery} timezone={workspace.timezone} />
      </section>
      <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200" aria-labelledby="attempts">
        <h2 id="attempts" className="px-6 py-5 text-base font-semibold text-gray-900">
          Attempts <span className="font-normal text-gray-500">({delivery.attempts.length})</span>
        </h2>
        <AttemptsTable delivery={delivery} timezone={workspace.timezone} />
      </section>
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-labelledby="payload">
        <h2 id="payload" className="mb-4 text-base font-semibold text-gray-900">Payload</h2>
        <PayloadBlock payload={delivery.payload} />
      </section>
    </div>
  );
}
