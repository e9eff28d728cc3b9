/** A loading.tsx header: the page's title as it will be, its description in outline. */
export function PageHeaderSkeleton({ title }: { title: string }) {
  return (
    <header className="border-b border-gray-200 bg-white px-8 py-6">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
      <div className="mt-2 h-4 w-72 animate-pulse rounded bg-gray-100" />
    </header>
  );
}

/** The range and avatar filter strip in outline. */
export function FilterStripSkeleton() {
  return (
    <div className="border-b border-gray-200 bg-white px-8 py-3">
      <div className="h-8 w-[28rem] animate-pulse rounded-md bg-gray-100" />
    </div>
  );
}
