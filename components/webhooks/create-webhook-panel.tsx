'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/session';
import { SecretOnce } from './secret-once';
import { WebhookForm, type EventOption } from './webhook-form';

type Created = { id: string; secret: string };

/** The create form; after saving, the new endpoint's secret (once) and a link to its page. */
export function CreateWebhookPanel({ create, eventOptions }: { create: (form: FormData) => Promise<ActionResult<Created>>; eventOptions: EventOption[] }) {
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <section className="max-w-3xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200 2xl:max-w-none">
      <h2 className="text-base font-semibold text-gray-900">Add an endpoint</h2>
      {created ? (
        <div className="mt-4 space-y-3">
          <SecretOnce secret={created.secret}>Receivers verify each delivery’s signature with it.</SecretOnce>
          <div className="flex flex-wrap gap-2">
            <Link href={`/settings/webhooks/${encodeURIComponent(created.id)}`} className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
              Open endpoint
            </Link>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-4">
          <WebhookForm save={create} eventOptions={eventOptions} submitLabel="Create webhook" pendingLabel="Creating…" idPrefix="new-webhook" onSaved={setCreated} />
        </div>
      )}
    </section>
  );
}
