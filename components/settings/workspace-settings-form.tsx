'use client';

import { useState, useTransition } from 'react';
import { updateWorkspaceSettingsAction } from '@/app/(dashboard)/settings/actions';
import type { WorkspaceSettings } from '@/db/queries/workspaces';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Values = { name: string; timezone: string; inactivityTimeoutMinutes: string; escalationToolNames: string };
type Errors = Record<string, string[] | undefined>;

const toValues = (s: WorkspaceSettings): Values => ({
  name: s.name,
  timezone: s.timezone,
  inactivityTimeoutMinutes: String(s.inactivityTimeoutMinutes),
  escalationToolNames: s.escalationToolNames.join(', '),
});

const control = (error?: string) =>
  `mt-1.5 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset disabled:bg-gray-50 disabled:text-gray-500 ${
    error ? 'ring-red-400 focus:ring-red-500' : 'ring-gray-300 focus:ring-indigo-600'
  }`;

/** Settings › General. Inputs are controlled, so what the user typed survives a failed save. */
export function WorkspaceSettingsForm({ settings, timeZones, canEdit }: { settings: WorkspaceSettings; timeZones: string[]; canEdit: boolean }) {
  const [values, setValues] = useState<Values>(() => toValues(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const zones = timeZones.includes(values.timezone) ? timeZones : [values.timezone, ...timeZones];
  const set = (key: keyof Values) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues((v) => ({ ...v, [key]: event.target.value }));
    setStatus(null);
  };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateWorkspaceSettingsAction(data);
      if (result.ok) {
        setValues(toValues(result.data));
        setErrors({});
        setStatus({ tone: 'success', text: 'Settings saved.' });
      } else {
        setErrors(result.fieldErrors ?? {});
        setStatus({ tone: 'error', text: result.message });
      }
    });
  }

  const error = (key: keyof Values) => errors[key]?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <div>
        <h2 className="text-base font-semibold text-gray-900">Workspace</h2>
        <p className="mt-1 text-sm text-gray-500">
          {canEdit ? 'Admins and owners change these settings.' : 'Only admins and owners change these settings; you can read them.'}
        </p>
      </div>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <fieldset disabled={!canEdit || pending} className="space-y-5">
        <Field label="Workspace name" name="name" value={values.name} onChange={set('name')} error={error('name')} />
        <div>
          <label htmlFor="timezone" className="block text-sm font-medium text-gray-900">
            Timezone
          </label>
          <select
            id="timezone"
            name="timezone"
            value={values.timezone}
            onChange={set('timezone')}
            aria-invalid={error('timezone') ? true : undefined}
            aria-describedby="timezone-note"
            className={control(error('timezone'))}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <p id="timezone-note" className={`mt-1.5 ${error('timezone') ? 'text-sm text-red-600' : 'text-xs text-gray-500'}`}>
            {error('timezone') ?? 'Date ranges, daily charts and peak hours are read in this timezone.'}
          </p>
        </div>
        <Field
          label="Inactivity timeout (minutes)"
          name="inactivityTimeoutMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={values.inactivityTimeoutMinutes}
          onChange={set('inactivityTimeoutMinutes')}
          error={error('inactivityTimeoutMinutes')}
          hint="A conversation with no activity for this long ends on its own (1–1440 minutes)."
        />
        <Field
          label="Escalation tools"
          name="escalationToolNames"
          value={values.escalationToolNames}
          onChange={set('escalationToolNames')}
          error={error('escalationToolNames')}
          placeholder="fallback_to_human, open_ticket"
          hint="Comma-separated tool names. A call to one of them counts as a hand-off to a human, for tool calls received from now on."
        />
      </fieldset>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save settings'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
