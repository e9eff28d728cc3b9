import Link from 'next/link';

// Inside the settings layout, so the page header and tabs are already there.
export default function WebhookNotFound() {
  return (
    <div className="mx-auto mt-10 max-w-xl rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center">
      <h2 className="text-base font-semibold text-gray-900">Webhook not found</h2>
      <p className="mt-1 text-sm text-gray-600">This workspace has no webhook or delivery with that id. It may belong to another workspace, or its link may be mistyped.</p>
      <Link href="/settings/webhooks" className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        See all webhooks
      </Link>
    </div>
  );
}
