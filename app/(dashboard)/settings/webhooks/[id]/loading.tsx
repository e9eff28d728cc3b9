import { DeliveryLogSkeleton } from '@/components/webhooks/delivery-log';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="h-40 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-gray-200" />
      <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
        <DeliveryLogSkeleton />
      </div>
    </div>
  );
}
