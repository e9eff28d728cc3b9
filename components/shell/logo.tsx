export function Logo({ className = '' }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-gray-900 ${className}`}>
      <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-indigo-600" />
        <path d="M9 11.5a3.5 3.5 0 0 1 3.5-3.5h7A3.5 3.5 0 0 1 23 11.5v4a3.5 3.5 0 0 1-3.5 3.5H15l-4 3.5V19a3.5 3.5 0 0 1-2-3.2z" className="fill-white" />
        <circle cx="13" cy="13.5" r="1.2" className="fill-indigo-600" />
        <circle cx="16" cy="13.5" r="1.2" className="fill-indigo-600" />
        <circle cx="19" cy="13.5" r="1.2" className="fill-indigo-600" />
      </svg>
      <span className="text-lg">Confab</span>
    </span>
  );
}
