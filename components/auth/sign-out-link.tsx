'use client';

import { signOut } from 'next-auth/react';

export function SignOutLink({ label = 'Sign out' }: { label?: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/sign-in' })} className="font-semibold text-indigo-600 hover:text-indigo-500">
      {label}
    </button>
  );
}
