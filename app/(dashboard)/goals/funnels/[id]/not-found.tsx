import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';

export default function FunnelNotFound() {
  return (
    <>
      <PageHeader title="Funnel not found" />
      <div className="mx-auto mt-16 max-w-xl rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center">
        <p className="text-sm text-gray-600">This workspace has no funnel with that id. It may have been deleted, belong to another workspace, or its link may be mistyped.</p>
        <Link href="/goals/funnels" className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:text-indigo-500">
          See all funnels
        </Link>
      </div>
    </>
  );
}
