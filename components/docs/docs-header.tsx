import { FileJson } from 'lucide-react';
import Link from 'next/link';
import { Logo } from '@/components/shell/logo';

export function DocsHeader({ version }: { version: string }) {
  return (
    <header className="sticky top-0 z-20 border-b border-gray-200 bg-white/90 backdrop-blur">
      <div className="flex h-16 items-center gap-4 px-6">
        <Link href="/" aria-label="Confab home">
          <Logo />
        </Link>
        <span className="h-5 w-px bg-gray-200" aria-hidden="true" />
        <span className="text-sm font-medium text-gray-900">API reference</span>
        <span className="rounded-full bg-gray-100 px-2 py-0.5 font-mono text-xs text-gray-600">v{version}</span>
        <div className="ml-auto flex items-center gap-3">
          <a
            href="/v1/openapi.json"
            className="inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-gray-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50"
          >
            <FileJson className="h-4 w-4 text-gray-400" aria-hidden="true" />
            OpenAPI 3.1 JSON
          </a>
          <Link href="/overview" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
            Dashboard
          </Link>
        </div>
      </div>
    </header>
  );
}
