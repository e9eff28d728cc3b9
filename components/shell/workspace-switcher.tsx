'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { switchWorkspaceAction } from '@/app/(dashboard)/actions';

export type SwitcherWorkspace = { id: string; name: string; role: string };

export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: SwitcherWorkspace[]; currentId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const current = workspaces.find((w) => w.id === currentId);
  if (workspaces.length < 2) {
    return (
      <div className="rounded-md bg-gray-50 px-3 py-2 ring-1 ring-inset ring-gray-200">
        <p className="text-xs text-gray-500">Workspace</p>
        <p className="truncate text-sm font-semibold text-gray-900">{current?.name}</p>
      </div>
    );
  }
  return (
    <label className="block rounded-md bg-gray-50 px-3 py-2 ring-1 ring-inset ring-gray-200">
      <span className="text-xs text-gray-500">Workspace</span>
      <select
        aria-label="Switch workspace"
        className="mt-0.5 block w-full cursor-pointer border-0 bg-transparent p-0 text-sm font-semibold text-gray-900 focus:ring-0"
        value={currentId}
        disabled={pending}
        onChange={(e) =>
          startTransition(async () => {
            const result = await switchWorkspaceAction(e.target.value);
            if (result.ok) router.refresh();
          })
        }
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
