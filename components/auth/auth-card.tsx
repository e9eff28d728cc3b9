import Link from 'next/link';
import { Logo } from '@/components/shell/logo';

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle: string; children: React.ReactNode; footer: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-indigo-50 via-gray-50 to-gray-50 px-4 py-12">
      <Link href="/" aria-label="Confab home">
        <Logo />
      </Link>
      <div className="mt-8 w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-xl font-semibold text-gray-900">{title}</h1>
        <p className="mt-1 text-sm text-gray-500">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </div>
      <p className="mt-6 text-sm text-gray-600">{footer}</p>
    </main>
  );
}
