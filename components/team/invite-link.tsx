'use client';

import { CopyButton } from '@/components/ui/copy-button';

/** The accept link, shown once after inviting or resending, for installs that send no e-mail. */
export function InviteLink({ email, link, mailed, onDone }: { email: string; link: string; mailed: boolean; onDone: () => void }) {
  return (
    <div className="space-y-3" role="status">
      <p className="text-sm text-gray-700">
        {mailed ? <>Invitation e-mailed to <strong>{email}</strong>.</> : <>The e-mail to <strong>{email}</strong> could not be sent.</>} You can also pass on this
        link; it is shown only once, works once and expires in 7 days.
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="invite-link" className="sr-only">
          Invitation link
        </label>
        <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border-0 bg-gray-50 px-3 py-2 font-mono text-xs text-gray-800 ring-1 ring-inset ring-gray-300" />
        <CopyButton value={link} label="Copy link" />
      </div>
      <button type="button" onClick={onDone} className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        Done
      </button>
    </div>
  );
}
