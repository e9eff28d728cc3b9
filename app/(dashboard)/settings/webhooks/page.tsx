import type { Metadata } from 'next';
import { CreateWebhookPanel } from '@/components/webhooks/create-webhook-panel';
import { WebhookList } from '@/components/webhooks/webhook-list';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { listWebhooks } from '@/lib/webhooks/service';
import { createWebhookAction } from './actions';
import { eventOptions } from './event-options';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { workspace, role } = await requireSessionContext('/settings/webhooks');
  const canEdit = roleAtLeast(role, 'admin');
  const webhooks = await listWebhooks(workspace.id);
  return (
    <div className={canEdit ? 'grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_420px]' : ''}>
      <WebhookList webhooks={webhooks} canEdit={canEdit} />
      {canEdit ? <CreateWebhookPanel create={createWebhookAction} eventOptions={eventOptions()} /> : null}
    </div>
  );
}
