'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirmedAction } from '@/components/ui/confirm-button';
import { SelectField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';
import { SecretOnce } from './secret-once';

type Props = {
  url: string;
  enabled: boolean;
  testTypes: readonly string[];
  setEnabled: (enabled: boolean) => Promise<ActionResult>;
  rotate: () => Promise<ActionResult<{ secret: string; previousSecretExpiresAt: string }>>;
  sendTest: (type: string) => Promise<ActionResult<{ deliveryId: string }>>;
  remove: () => Promise<ActionResult>;
};

/** An admin's switches for one endpoint: on/off, a test event, a new secret, and deleting it. */
export function WebhookControls({ url, enabled, testTypes, setEnabled, rotate, sendTest, remove }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [type, setType] = useState('webhook.test');
  const [secret, setSecret] = useState<string | null>(null);
  const removal = useConfirmedAction(remove, () => router.replace('/settings/webhooks'));
  const rotation = useConfirmedAction(async () => {
    const result = await rotate();
    if (result.ok) setSecret(result.data.secret);
    return result;
  });

  const run = (call: () => Promise<ActionResult<unknown>>, done: string) =>
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? { tone: 'ok', text: done } : { tone: 'error', text: result.message });
    });

  return (
    <section className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200" aria-label="Endpoint controls">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h2 className="text-base font-semibold text-gray-900">Delivery</h2>
          <p className="text-sm text-gray-500">{enabled ? 'Events are being sent.' : 'Nothing is sent while disabled.'}</p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label="Enabled"
          disabled={pending}
          onClick={() => run(() => setEnabled(!enabled), enabled ? 'Endpoint disabled.' : 'Endpoint enabled.')}
          className={`relative inline-flex h-6 w-11 shrink-0 rounded-full transition-colors focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 ${enabled ? 'bg-indigo-600' : 'bg-gray-300'}`}
        >
          <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-transform ${enabled ? 'translate-x-5' : 'translate-x-0.5'}`} />
        </button>
      </div>

      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => sendTest(type), `Test ${type} queued: it shows in the delivery log.`);
        }}
      >
        <SelectField label="Test event" name="type" id="test-event-type" className="min-w-0 flex-1" value={type} onChange={(e) => setType(e.target.value)}>
          {testTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" className="shrink-0 whitespace-nowrap" disabled={pending}>
          Send test
        </Button>
      </form>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-red-600' : 'text-emerald-700'}`}>
          {message.text}
        </p>
      ) : null}

      <div className="border-t border-gray-100 pt-5">
        <h3 className="text-sm font-semibold text-gray-900">Signing secret</h3>
        {secret ? (
          <div className="mt-3 space-y-3">
            <SecretOnce secret={secret}>The old secret keeps signing beside it for 24 hours.</SecretOnce>
            <Button
              variant="secondary"
              onClick={() => {
                setSecret(null);
                rotation.cancel();
              }}
            >
              Done
            </Button>
          </div>
        ) : rotation.confirming ? (
          <div role="group" aria-label="Confirm rotating the secret" className="mt-2 flex flex-wrap items-center gap-2">
            <span className="w-full text-xs text-gray-500">{rotation.error ?? 'A new secret signs from now on; the old one also signs for 24 hours.'}</span>
            <Button variant="danger" disabled={rotation.pending} onClick={rotation.run}>
              {rotation.pending ? 'Rotating…' : 'Confirm rotate'}
            </Button>
            <Button variant="secondary" onClick={rotation.cancel}>
              Cancel
            </Button>
          </div>
        ) : (
          <div className="mt-2 flex items-center justify-between gap-3">
            <p className="text-sm text-gray-500">Shown once, when made. Rotate it if it leaked.</p>
            <Button variant="secondary" className="shrink-0 whitespace-nowrap" onClick={rotation.ask}>
              Rotate secret
            </Button>
          </div>
        )}
      </div>

      <div className="border-t border-gray-100 pt-5">
        {removal.confirming ? (
          <div role="group" aria-label={`Confirm deleting ${url}`} className="flex flex-wrap items-center gap-2">
            <span className={`w-full text-xs ${removal.error ? 'text-red-600' : 'text-gray-500'}`}>{removal.error ?? 'Delete this endpoint? Deliveries to it stop, and this cannot be undone.'}</span>
            <Button variant="danger" disabled={removal.pending} onClick={removal.run}>
              {removal.pending ? 'Deleting…' : 'Confirm delete'}
            </Button>
            <Button variant="secondary" onClick={removal.cancel}>
              Cancel
            </Button>
          </div>
        ) : (
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm text-gray-500">Deleting stops every delivery to it.</p>
            <Button variant="ghost" className="text-red-600 hover:bg-red-50" onClick={removal.ask} aria-label={`Delete ${url}`}>
              Delete
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
