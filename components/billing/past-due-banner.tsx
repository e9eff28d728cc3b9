import Link from 'next/link';
import type { PastDue } from '@/lib/billing/overview';

/** Shown to owners while the subscription is past due: when the grace ends, or that it has. */
export function PastDueBanner({ pastDue, timezone, linkToBilling = true }: { pastDue: PastDue; timezone: string; linkToBilling?: boolean }) {
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: timezone });
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-200">
      <p>
        <span className="font-semibold">Your last payment failed.</span>{' '}
        {pastDue.onFreeLimits
          ? `Since ${date.format(pastDue.graceEndsAt)} this workspace has the Free plan's limits; your data is kept. Update your payment method to restore your plan.`
          : `Update your payment method by ${date.format(pastDue.graceEndsAt)} to keep your plan's limits; after that the Free limits apply (your data is kept).`}
      </p>
      {linkToBilling ? (
        <Link href="/settings/billing" className="font-semibold underline underline-offset-2">
          Go to billing
        </Link>
      ) : null}
    </div>
  );
}
