'use client';

import { Bell, Bot, LayoutDashboard, LogOut, MessagesSquare, Settings, Smile, Target } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { Logo } from './logo';
import { WorkspaceSwitcher, type SwitcherWorkspace } from './workspace-switcher';

const NAV = [
  { href: '/overview', label: 'Overview', icon: LayoutDashboard },
  { href: '/avatars', label: 'Avatars', icon: Bot },
  { href: '/transcripts', label: 'Transcripts', icon: MessagesSquare },
  { href: '/goals', label: 'Goals', icon: Target },
  { href: '/sentiment', label: 'Sentiment', icon: Smile },
  { href: '/alerts', label: 'Alerts', icon: Bell },
  { href: '/settings', label: 'Settings', icon: Settings },
];

export function Sidebar({ user, workspaces, currentWorkspaceId }: { user: { email: string; name: string | null }; workspaces: SwitcherWorkspace[]; currentWorkspaceId: string }) {
  const pathname = usePathname();
  return (
    <aside className="flex w-64 shrink-0 flex-col border-r border-gray-200 bg-white">
      <div className="flex h-16 items-center px-5">
        <Link href="/overview" aria-label="Confab overview">
          <Logo />
        </Link>
      </div>
      <div className="px-3">
        <WorkspaceSwitcher workspaces={workspaces} currentId={currentWorkspaceId} />
      </div>
      <nav aria-label="Main" className="mt-4 flex-1 space-y-0.5 px-3">
        {NAV.map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={href}
              href={href}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                active ? 'bg-indigo-50 text-indigo-700' : 'text-gray-700 hover:bg-gray-100 hover:text-gray-900'
              }`}
            >
              <Icon className={`h-4 w-4 ${active ? 'text-indigo-600' : 'text-gray-400'}`} aria-hidden="true" />
              {label}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-gray-200 p-3">
        <div className="flex items-center gap-3 px-2 py-1.5">
          <span className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold uppercase text-indigo-700" aria-hidden="true">
            {(user.name || user.email).slice(0, 1)}
          </span>
          <div className="min-w-0 flex-1">
            {user.name ? <p className="truncate text-sm font-medium text-gray-900">{user.name}</p> : null}
            <p className="truncate text-xs text-gray-500">{user.email}</p>
          </div>
        </div>
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: '/sign-in' })}
          className="mt-1 flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-gray-700 hover:bg-gray-100"
        >
          <LogOut className="h-4 w-4 text-gray-400" aria-hidden="true" />
          Sign out
        </button>
      </div>
    </aside>
  );
}
