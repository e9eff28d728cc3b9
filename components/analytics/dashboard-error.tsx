'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** The error boundary of an analytics page: says what failed, keeps the shell, and offers a retry. */
export function DashboardError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="px-8 py-10">
      <div role="alert" className="mx-auto max-w-xl rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-red-200">
        <h2 className="text-base font-semibold text-gray-900">{what} could not be loaded</h2>
        <p className="mt-2 text-sm text-gray-600">
          Something went wrong while reading your analytics. Your data is safe; this is usually temporary. Try again, or pick a shorter date range.
        </p>
        {digest ? <p className="mt-2 font-mono text-xs text-gray-400">Reference: {digest}</p> : null}
        <div className="mt-6 flex justify-center gap-3">
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/overview" className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-semibold text-gray-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
            Back to Overview
          </Link>
        </div>
      </div>
    </div>
  );
}
