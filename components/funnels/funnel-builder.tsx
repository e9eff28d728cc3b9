'use client';

/** Builds or edits a funnel: a name, an avatar, and 2–8 ordered steps; the server's validation shows under each field. */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Plus } from 'lucide-react';
import { useState, useTransition } from 'react';
import { createFunnelAction, updateFunnelAction } from '@/app/(dashboard)/goals/funnels/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AvatarOptions } from '@/components/ui/avatar-options';
import { Field, SelectField } from '@/components/ui/field';
import { MAX_STEPS, MIN_STEPS } from '@/lib/funnels/limits';
import { emptyStep, toInput, type FunnelDraft, type StepDraft } from './funnel-draft';
import { EVENT_NAMES_LIST, StepFields, TOOL_NAMES_LIST } from './step-fields';

type Option = { id: string; name: string };
export type BuilderMode = { kind: 'create' } | { kind: 'edit'; funnelId: string; funnelName: string };
type Props = { mode: BuilderMode; initial: FunnelDraft; avatars: Option[]; goals: Option[]; names: { tools: string[]; events: string[] }; cancelHref: string; query: string };

export function FunnelBuilder({ mode, initial, avatars, goals, names, cancelHref, query }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // Index-keyed messages no longer fit once steps move, so a structural change clears them.
  const setSteps = (steps: StepDraft[]) => {
    setDraft((d) => ({ ...d, steps }));
    setErrors({});
  };
  const changeStep = (i: number, patch: Partial<StepDraft>) => setDraft((d) => ({ ...d, steps: d.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));
  const move = (i: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    [steps[i], steps[i + by]] = [steps[i + by], steps[i]];
    setSteps(steps);
  };
  const errorOf = (path: string) => errors[path]?.[0];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const { input, errors: local } = toInput(draft);
    if (Object.keys(local).length) {
      setErrors(local);
      setMessage('Check the highlighted fields.');
      return;
    }
    startTransition(async () => {
      const result = mode.kind === 'create' ? await createFunnelAction(input) : await updateFunnelAction(mode.funnelId, input);
      if (result.ok) {
        router.push(`/goals/funnels/${encodeURIComponent(result.data.id)}${query}`);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    });
  }

  const general = Object.entries(errors).filter(([path]) => path === 'form' || path === '(root)' || /^steps\.\d+$/.test(path));
  return (
    <form onSubmit={submit} noValidate aria-label={mode.kind === 'create' ? 'New funnel' : `Edit ${mode.funnelName}`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 className="text-base font-semibold text-gray-900">{mode.kind === 'create' ? 'New funnel' : `Edit “${mode.funnelName}”`}</h2>
      <p className="mt-1 text-sm text-gray-500">
        A conversation reaches a step when it reached the step before and then did this step — at or after the time of the step before. “User messages” counts
        how many the conversation has in all, so it never moves that time.
      </p>
      <div className="mt-5 space-y-5">
        {message ? <Alert>{message}</Alert> : null}
        {general.map(([path, msgs]) => (
          <Alert key={path}>{`${path.startsWith('steps.') ? `Step ${Number(path.split('.')[1]) + 1}: ` : ''}${msgs?.[0]}`}</Alert>
        ))}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Funnel name" name="name" placeholder="Support to checkout" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errorOf('name')} maxLength={100} />
          <SelectField
            label="Avatar"
            name="avatarId"
            id="funnel-avatar"
            value={draft.avatarId}
            onChange={(e) => setDraft({ ...draft, avatarId: e.target.value })}
            hint="Count only this avatar’s conversations, whatever the page filter says."
          >
            <AvatarOptions avatars={avatars} />
          </SelectField>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-gray-900">
            Steps <span className="font-normal text-gray-500">({MIN_STEPS}–{MAX_STEPS}, in order)</span>
          </legend>
          {errorOf('steps') ? <p className="mt-1 text-sm text-red-600">{errorOf('steps')}</p> : null}
          <ol className="mt-3 space-y-3">
            {draft.steps.map((step, i) => (
              <StepFields
                key={step.key}
                index={i}
                count={draft.steps.length}
                step={step}
                goals={goals}
                errorOf={(field) => errorOf(`steps.${i}.${field}`)}
                onChange={(patch) => changeStep(i, patch)}
                onMove={(by) => move(i, by)}
                onRemove={() => setSteps(draft.steps.filter((_, k) => k !== i))}
                removable={draft.steps.length > MIN_STEPS}
              />
            ))}
          </ol>
          <Button type="button" variant="secondary" className="mt-3" disabled={draft.steps.length >= MAX_STEPS} onClick={() => setSteps([...draft.steps, emptyStep('tool')])}>
            <Plus className="h-4 w-4" aria-hidden="true" />
            Add step
          </Button>
        </fieldset>
      </div>
      {[[TOOL_NAMES_LIST, names.tools] as const, [EVENT_NAMES_LIST, names.events] as const].map(([id, values]) => (
        <datalist key={id} id={id}>
          {values.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ))}
      <div className="mt-6 flex items-center gap-3 border-t border-gray-100 pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode.kind === 'create' ? 'Create funnel' : 'Save funnel'}
        </Button>
        <Link href={cancelHref} className="text-sm font-semibold text-gray-700 hover:text-gray-900">
          Cancel
        </Link>
      </div>
    </form>
  );
}
