/** Said plainly on a page whose feature is not in this version yet, instead of an empty widget that pretends to work. */
export function NotAvailable({ feature, children }: { feature: string; children?: React.ReactNode }) {
  return (
    <div className="mx-auto mt-16 max-w-xl rounded-xl border border-dashed border-gray-300 bg-white p-8 text-center">
      <h2 className="text-base font-semibold text-gray-900">{feature} is not available in this version yet</h2>
      <div className="mt-2 text-sm text-gray-500">{children}</div>
    </div>
  );
}
