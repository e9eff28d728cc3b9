'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createGoalAction, updateGoalAction } from '@/app/(dashboard)/goals/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AvatarOptions } from '@/components/ui/avatar-options';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { TRIGGER_LABELS } from './describe-trigger';
import { FORM_FIELDS, messagesFor, toGoalInput, type GoalFormValues, type TriggerType } from './goal-form-values';

export type GoalFormMode = { kind: 'create'; templateName: string | null } | { kind: 'edit'; goalId: string; goalName: string };

type Props = { mode: GoalFormMode; initial: GoalFormValues; avatars: { id: string; name: string }[]; closeHref: string };

const TYPE_HINTS: Record<TriggerType, string> = {
  pattern: 'A regular expression found in a message, e.g. an email address',
  phrases: 'Any of a list of words or phrases, as whole words, ignoring case',
  event: 'A custom event sent with POST /v1/events or the SDK’s track()',
  tool: 'A tool call the avatar makes',
  no_escalation: 'The conversation ends with no handoff to a human',
};

/** Only what changed: an untouched trigger must not start a new back-fill. */
function changes(initial: GoalFormValues, values: GoalFormValues): Record<string, unknown> {
  const before = toGoalInput(initial);
  const after = toGoalInput(values);
  const patch: Record<string, unknown> = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.avatarId !== before.avatarId) patch.avatarId = after.avatarId;
  if (JSON.stringify(after.trigger) !== JSON.stringify(before.trigger)) patch.trigger = after.trigger;
  return patch;
}

export function GoalForm({ mode, initial, avatars, closeHref }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof GoalFormValues>(key: K, value: GoalFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => messagesFor(errors, key).join(' ') || undefined;
  const unplaced = Object.entries(errors).filter(([path]) => !FORM_FIELDS.some((f) => path === f || path.startsWith(`${f}.`) || (f === 'trigger.type' && path === 'trigger')));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result =
        mode.kind === 'create' ? await createGoalAction(toGoalInput(values)) : await updateGoalAction(mode.goalId, changes(initial, values));
      if (result.ok) {
        router.replace(closeHref, { scroll: false });
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors ? null : result.message);
    });
  }

  const setProperty = (i: number, field: 'key' | 'value', text: string) =>
    set('properties', values.properties.map((row, j) => (j === i ? { ...row, [field]: text } : row)));
  const title = mode.kind === 'create' ? (mode.templateName ? `New goal from “${mode.templateName}”` : 'New custom goal') : `Edit “${mode.goalName}”`;
  const textTrigger = values.type === 'pattern' || values.type === 'phrases';

  return (
    <section aria-labelledby="goal-form-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-indigo-200">
      <h2 id="goal-form-title" className="text-base font-semibold text-gray-900">
        {title}
      </h2>
      <form onSubmit={submit} noValidate className="mt-4 space-y-5">
        {message ? <Alert>{message}</Alert> : null}
        {unplaced.length ? <Alert>{unplaced.map(([path, m]) => `${path}: ${m?.join(' ')}`).join(' · ')}</Alert> : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Goal name" name="name" value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={100} error={error('name')} />
          <SelectField label="For avatar" name="avatarId" value={values.avatarId} onChange={(e) => set('avatarId', e.target.value)} error={error('avatarId')} hint="Only this avatar’s conversations can complete the goal.">
            <AvatarOptions avatars={avatars} />
            {values.avatarId && !avatars.some((a) => a.id === values.avatarId) ? <option value={values.avatarId}>{values.avatarId}</option> : null}
          </SelectField>
        </div>

        <fieldset>
          <legend className="text-sm font-medium text-gray-900">Completes when</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-5">
            {(Object.keys(TRIGGER_LABELS) as TriggerType[]).map((type) => (
              <label
                key={type}
                className={`flex cursor-pointer flex-col rounded-lg p-3 text-sm ring-1 ring-inset ${values.type === type ? 'bg-indigo-50 ring-indigo-500' : 'bg-white ring-gray-200 hover:bg-gray-50'}`}
              >
                <span className="flex items-center gap-2 font-medium text-gray-900">
                  <input
                    type="radio"
                    name="type"
                    value={type}
                    checked={values.type === type}
                    onChange={() => set('type', type)}
                    aria-label={TRIGGER_LABELS[type]}
                    aria-describedby={`type-${type}-hint`}
                    className="text-indigo-600"
                  />
                  {TRIGGER_LABELS[type]}
                </span>
                <span id={`type-${type}-hint`} className="mt-1 text-xs text-gray-500">
                  {TYPE_HINTS[type]}
                </span>
              </label>
            ))}
          </div>
          {error('trigger.type') ? <p className="mt-1.5 text-sm text-red-600">{error('trigger.type')}</p> : null}
        </fieldset>

        <div className="grid gap-4 md:grid-cols-[1fr_14rem]">
          {values.type === 'pattern' ? (
            <Field
              label="Pattern"
              name="pattern"
              value={values.pattern}
              onChange={(e) => set('pattern', e.target.value)}
              placeholder="[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
              spellCheck={false}
              error={error('trigger.pattern')}
              hint="RE2 regular expression (no look-arounds or back-references). Case-sensitive: start with (?i) to ignore case."
            />
          ) : null}
          {values.type === 'phrases' ? (
            <TextAreaField
              label="Phrases, one per line"
              name="phrases"
              rows={5}
              value={values.phrases}
              onChange={(e) => set('phrases', e.target.value)}
              error={error('trigger.phrases')}
              hint="Matched as whole words, ignoring case; a space matches any whitespace."
            />
          ) : null}
          {textTrigger ? (
            <SelectField label="Messages from" name="role" value={values.role} onChange={(e) => set('role', e.target.value as GoalFormValues['role'])} error={error('trigger.role')}>
              <option value="user">The user</option>
              <option value="assistant">The assistant</option>
              <option value="any">Either</option>
            </SelectField>
          ) : null}
          {values.type === 'tool' ? (
            <Field label="Tool name" name="toolName" value={values.toolName} onChange={(e) => set('toolName', e.target.value)} placeholder="book_demo" error={error('trigger.name')} hint="As your avatar sends it in an action’s name." />
          ) : null}
        </div>

        {values.type === 'event' ? (
          <div className="space-y-3">
            <Field label="Event name" name="eventName" value={values.eventName} onChange={(e) => set('eventName', e.target.value)} placeholder="checkout_completed" error={error('trigger.name')} />
            <fieldset>
              <legend className="text-sm font-medium text-gray-900">Property match (optional)</legend>
              <p className="mt-0.5 text-xs text-gray-500">The event must carry each of these values. true, false, null and numbers match those JSON values; put text in quotes to match it as text.</p>
              <div className="mt-2 space-y-2">
                {values.properties.map((row, i) => (
                  <div key={i} className="flex items-center gap-2">
                    <input aria-label={`Property ${i + 1} key`} value={row.key} onChange={(e) => setProperty(i, 'key', e.target.value)} placeholder="plan" className="w-48 rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600" />
                    <span className="text-gray-400">=</span>
                    <input aria-label={`Property ${i + 1} value`} value={row.value} onChange={(e) => setProperty(i, 'value', e.target.value)} placeholder="pro" className="w-48 rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600" />
                    <Button type="button" variant="ghost" onClick={() => set('properties', values.properties.filter((_, j) => j !== i))} aria-label={`Remove property ${i + 1}`}>
                      Remove
                    </Button>
                  </div>
                ))}
                <Button type="button" variant="secondary" onClick={() => set('properties', [...values.properties, { key: '', value: '' }])}>
                  Add property
                </Button>
              </div>
              {error('trigger.properties') ? <p className="mt-1.5 text-sm text-red-600">{error('trigger.properties')}</p> : null}
            </fieldset>
          </div>
        ) : null}

        {values.type === 'no_escalation' ? (
          <p className="rounded-md bg-gray-50 px-3 py-2.5 text-sm text-gray-600">
            Completes when a conversation ends — by the end call, or after the workspace’s inactivity timeout — without a call to one of the escalation tools and without{' '}
            <code className="rounded bg-white px-1">escalated: true</code>. A conversation that escalates later loses it again.
          </p>
        ) : null}

        <p className="text-xs text-gray-500">
          {mode.kind === 'create'
            ? 'Saving evaluates every conversation already stored in the background; new conversations are evaluated as they arrive.'
            : 'A changed trigger or avatar re-evaluates every stored conversation in the background; a new name does not.'}
        </p>
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : mode.kind === 'create' ? 'Create goal' : 'Save changes'}
          </Button>
          <Link href={closeHref} scroll={false} className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-semibold text-gray-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
