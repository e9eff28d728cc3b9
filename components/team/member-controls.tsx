'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { Role } from '@/db/schema';
import type { ActionResult } from '@/lib/auth/session';

type Props = {
  label: string;
  role: Role;
  /** The roles the viewer may give this member; none: the role is shown, not editable. */
  roleOptions: Role[];
  changeRole?: (role: Role) => Promise<ActionResult>;
  remove?: () => Promise<ActionResult>;
  transfer?: () => Promise<ActionResult>;
};

/** A member's role picker and actions, as far as the signed-in user may use them (the server checks again). */
export function MemberRole({ label, role, roleOptions, changeRole }: Pick<Props, 'label' | 'role' | 'roleOptions' | 'changeRole'>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!changeRole || roleOptions.length < 2) return <span className="capitalize text-gray-700">{role}</span>;
  return (
    <span className="inline-flex flex-col">
      <select
        aria-label={`Role of ${label}`}
        value={role}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Role;
          startTransition(async () => {
            const result = await changeRole(next);
            setError(result.ok ? null : result.message);
          });
        }}
        className="rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm capitalize text-gray-900 ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
      >
        {roleOptions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {error ? <span className="mt-1 max-w-56 text-xs text-red-600">{error}</span> : null}
    </span>
  );
}

export function MemberActions({ label, remove, transfer }: Pick<Props, 'label' | 'remove' | 'transfer'>) {
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1">
      {transfer ? (
        <ConfirmButton label="Transfer ownership" verb="transferring ownership to" target={label} hint="You become an admin." confirmLabel="Confirm transfer" action={transfer} />
      ) : null}
      {remove ? <ConfirmButton label="Remove" verb="removing" target={label} hint="They lose access at once." confirmLabel="Confirm remove" action={remove} /> : null}
    </span>
  );
}

export function LeaveWorkspaceButton({ workspaceName, leave }: { workspaceName: string; leave: () => Promise<ActionResult> }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Leave"
      verb="leaving"
      target={workspaceName}
      hint="You lose access until someone invites you again."
      confirmLabel="Confirm leave"
      action={leave}
      onDone={() => {
        router.replace('/overview');
        router.refresh();
      }}
    />
  );
}
