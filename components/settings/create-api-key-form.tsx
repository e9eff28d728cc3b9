'use client';

import { useState } from 'react';
import { createApiKeyAction } from '@/app/(dashboard)/settings/api-keys/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';

const SCOPES = [
  { value: 'ingest', label: 'Ingest', hint: 'send conversations, messages, actions and events' },
  { value: 'read', label: 'Read', hint: 'analytics, transcripts and exports' },
  { value: 'admin', label: 'Admin', hint: 'webhooks, goals, alerts, erasure (includes read and ingest)' },
];

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const { pending, errors, message, onSubmit } = useFormAction(createApiKeyAction, setCreated);

  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 className="text-base font-semibold text-gray-900">Create an API key</h2>
      {created ? (
        <div className="mt-4 space-y-3" role="status">
          <Alert tone="success">
            Key <strong>{created.name}</strong> created. Copy it now: it is shown only once.
          </Alert>
          <div className="flex items-center gap-2">
            <code data-testid="new-api-key" className="flex-1 break-all rounded-md bg-gray-900 px-3 py-2 font-mono text-sm text-gray-100">
              {created.key}
            </code>
            <CopyButton value={created.key} />
          </div>
          <Button variant="secondary" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
          {message ? <Alert>{message}</Alert> : null}
          <Field label="Key name" name="name" placeholder="Production avatar widget" error={errors.name?.[0]} />
          <fieldset>
            <legend className="text-sm font-medium text-gray-900">Scopes</legend>
            <div className="mt-2 space-y-2">
              {SCOPES.map((scope) => (
                <label key={scope.value} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="scopes" value={scope.value} defaultChecked={scope.value === 'ingest'} className="mt-0.5 rounded border-gray-300 text-indigo-600" />
                  <span>
                    <span className="font-medium text-gray-900">{scope.label}</span> <span className="text-gray-500">— {scope.hint}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.scopes?.[0] ? <p className="mt-1.5 text-sm text-red-600">{errors.scopes[0]}</p> : null}
          </fieldset>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create key'}
          </Button>
        </form>
      )}
    </div>
  );
}
