'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';

/** The rule page's server actions, passed in (client components do not import from app/). */
export type RuleActionHandlers = {
  checkNow: (id: unknown) => Promise<ActionResult<{ transition: 'fired' | 'resolved' | null }>>;
  remove: (id: unknown) => Promise<ActionResult>;
  snooze: (id: unknown, until: unknown) => Promise<ActionResult<{ id: string }>>;
  update: (id: unknown, patch: unknown) => Promise<ActionResult<{ id: string }>>;
};

type Props = { actions: RuleActionHandlers; ruleId: string; enabled: boolean; snoozed: boolean };

/** Check now, snooze (1 h, 24 h, until a date), end the snooze, turn on or off, delete. */
export function RuleActions({ actions, ruleId, enabled, snoozed }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [until, setUntil] = useState('');

  function run<T>(work: () => Promise<ActionResult<T>>, done: (data: T) => string) {
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        setNotice({ tone: 'success', text: done(result.data) });
        router.refresh();
      } else {
        setNotice({ tone: 'error', text: result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : result.message });
      }
    });
  }
  const snoozeFor = (hours: number) => run(() => actions.snooze(ruleId, new Date(Date.now() + hours * 3_600_000).toISOString()), () => `Snoozed for ${hours} h.`);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => run(() => actions.checkNow(ruleId), (d) => (d.transition === 'fired' ? 'Checked: the rule fired.' : d.transition === 'resolved' ? 'Checked: the rule resolved.' : 'Checked: no change.'))} disabled={pending || !enabled}>
          Check now
        </Button>
        {snoozed ? (
          <Button variant="secondary" onClick={() => run(() => actions.snooze(ruleId, null), () => 'Snooze ended.')} disabled={pending}>
            End snooze
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => snoozeFor(1)} disabled={pending}>
              Snooze 1 h
            </Button>
            <Button variant="secondary" onClick={() => snoozeFor(24)} disabled={pending}>
              Snooze 24 h
            </Button>
          </>
        )}
        <Button variant="secondary" onClick={() => run(() => actions.update(ruleId, { enabled: !enabled }), () => (enabled ? 'Rule turned off.' : 'Rule turned on.'))} disabled={pending}>
          {enabled ? 'Turn off' : 'Turn on'}
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            if (!window.confirm('Delete this rule and its history?')) return;
            startTransition(async () => {
              const result = await actions.remove(ruleId);
              if (result.ok) router.push('/alerts');
              else setNotice({ tone: 'error', text: result.message });
            });
          }}
          disabled={pending}
        >
          Delete
        </Button>
      </div>
      {!snoozed ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!until) return setNotice({ tone: 'error', text: 'Pick a date and time to snooze until.' });
            run(() => actions.snooze(ruleId, new Date(until).toISOString()), () => `Snoozed until ${new Date(until).toLocaleString()}.`);
          }}
        >
          <label className="text-sm text-gray-700">
            <span className="block font-medium text-gray-900">Snooze until</span>
            <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} className="mt-1 rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600" />
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>
            Snooze
          </Button>
        </form>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </div>
  );
}
