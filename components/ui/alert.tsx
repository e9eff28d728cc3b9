export function Alert({ tone = 'error', children }: { tone?: 'error' | 'info' | 'success'; children: React.ReactNode }) {
  const styles = {
    error: 'bg-red-50 text-red-800 ring-red-200',
    info: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
    success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  }[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md px-3 py-2.5 text-sm ring-1 ring-inset ${styles}`}>
      {children}
    </div>
  );
}
