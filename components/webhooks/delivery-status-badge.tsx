import { Badge } from '@/components/transcripts/badges';
import type { Delivery } from '@/lib/webhooks/service';

const COLORS = { delivered: 'green', failed: 'red', pending: 'amber' } as const;
const LABELS = { delivered: 'Delivered', failed: 'Failed', pending: 'Pending' } as const;

export function DeliveryStatusBadge({ status }: { status: Delivery['status'] }) {
  return <Badge color={COLORS[status]}>{LABELS[status]}</Badge>;
}
