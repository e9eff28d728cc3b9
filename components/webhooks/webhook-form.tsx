'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/auth/session';

export type EventOption = { type: string; description: string };
export type WebhookValues = { url: string; events: string[]; description: string | null; enabled: boolean };
type Errors = Record<string, string[] | undefined>;

/** The event lines mark field names with backticks, as in the docs: those parts as code. */
function Backticked({ text }: { text: string }) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i} className="rounded bg-gray-100 px-1 font-mono text-[11px] text-gray-700">{part}</code> : part));
}

type Props<T> = {
  save: (form: FormData) => Promise<ActionResult<T>>;
  eventOptions: EventOption[];
  initial?: WebhookValues;
  submitLabel: string;
  pendingLabel: string;
  /** Distinguishes the field ids when two forms could share a page. */
  idPrefix: string;
  onSaved?: (data: T) => void;
};

/** An endpoint's URL, event types (each with what it means), description and enabled switch; errors under their fields. */
export function WebhookForm<T>({ save, eventOptions, initial, submitLabel, pendingLabel, idPrefix, onSaved }: Props<T>) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  // `events.2` (one bad type) shows under the checkboxes like `events` does.
  const eventErrors = Object.entries(errors).filter(([path]) => path === 'events' || path.startsWith('events.')).flatMap(([, m]) => m ?? []);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await save(data);
      if (result.ok) {
        setErrors({});
        setSaved(!onSaved);
        if (!initial) form.reset();
        onSaved?.(result.data);
      } else {
        setSaved(false);
        setErrors(result.fieldErrors ?? { form: [result.message] });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate onChange={() => setSaved(false)}>
      {errors.form ? <Alert>{errors.form[0]}</Alert> : null}
      {saved ? <Alert tone="success">Webhook saved.</Alert> : null}
      <Field
        label="Endpoint URL"
        name="url"
        id={`${idPrefix}-url`}
        type="url"
        placeholder="https://example.com/confab/webhooks"
        defaultValue={initial?.url}
        error={errors.url?.[0]}
        hint="Confab POSTs each event here as JSON, signed with Standard Webhooks headers."
      />
      <fieldset aria-describedby={eventErrors.length ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-gray-900">Event types</legend>
        <div className="mt-2 space-y-2.5">
          {eventOptions.map((option) => {
            const id = `${idPrefix}-event-${option.type}`;
            return (
              <label key={option.type} className="flex items-start gap-2.5 text-sm">
                <input
                  type="checkbox"
                  name="events"
                  value={option.type}
                  defaultChecked={initial?.events.includes(option.type)}
                  aria-labelledby={id}
                  aria-describedby={`${id}-line`}
                  className="mt-0.5 shrink-0 rounded border-gray-300 text-indigo-600"
                />
                <span className="min-w-0">
                  <span id={id} className="font-mono text-xs font-semibold text-gray-900">{option.type}</span>
                  <span id={`${id}-line`} className="block text-xs leading-5 text-gray-500">
                    <Backticked text={option.description} />
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        {eventErrors.length ? (
          <p id={`${idPrefix}-events-error`} className="mt-1.5 text-sm text-red-600">
            {eventErrors[0]}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Description"
        name="description"
        id={`${idPrefix}-description`}
        rows={2}
        placeholder="CRM sync (optional)"
        defaultValue={initial?.description ?? ''}
        error={errors.description?.[0]}
      />
      <label className="flex items-center gap-2 text-sm font-medium text-gray-900">
        <input type="checkbox" name="enabled" defaultChecked={initial?.enabled ?? true} className="rounded border-gray-300 text-indigo-600" />
        Enabled
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
