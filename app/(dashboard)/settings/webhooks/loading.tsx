import { WebhookListSkeleton } from '@/components/webhooks/webhook-list';

export default function Loading() {
  return <WebhookListSkeleton />;
}
