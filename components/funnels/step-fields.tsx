'use client';

/** One step of the funnel builder: its type, the fields that type needs, an optional label, and move/remove buttons. */
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { Field } from '@/components/ui/field';
import { FUNNEL_STEP_TYPES, MAX_USER_MESSAGES } from '@/lib/funnels/limits';
import { STEP_TYPE_LABELS, type StepDraft } from './funnel-draft';

type Option = { id: string; name: string };
type Props = {
  index: number;
  count: number;
  step: StepDraft;
  goals: Option[];
  errorOf: (field: string) => string | undefined;
  onChange: (patch: Partial<StepDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removable: boolean;
};

/** Ids of the builder's datalists of the workspace's tool and event names. */
export const TOOL_NAMES_LIST = 'funnel-tool-names';
export const EVENT_NAMES_LIST = 'funnel-event-names';

const selectClass = (error?: string) =>
  `mt-1.5 block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm text-gray-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset ${
    error ? 'ring-red-400 focus:ring-red-500' : 'ring-gray-300 focus:ring-indigo-600'
  }`;

function IconButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: React.ReactNode }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} disabled={disabled} className="rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-900 disabled:cursor-not-allowed disabled:text-gray-300 disabled:hover:bg-transparent">
      {children}
    </button>
  );
}

function TypeFields({ index, step, goals, errorOf, onChange }: Pick<Props, 'index' | 'step' | 'goals' | 'errorOf' | 'onChange'>) {
  const id = (field: string) => `steps.${index}.${field}`;
  switch (step.type) {
    case 'conversation_started':
      return <p className="pt-7 text-sm text-gray-500">Every conversation that started in the range.</p>;
    case 'user_messages':
      return (
        <Field label="At least this many user messages" name={id('count')} type="number" inputMode="numeric" min={1} max={MAX_USER_MESSAGES} value={step.count} onChange={(e) => onChange({ count: e.target.value })} error={errorOf('count')} />
      );
    case 'tool':
      return <Field label="Tool name" name={id('name')} list={TOOL_NAMES_LIST} autoComplete="off" placeholder="search_kb" value={step.name} onChange={(e) => onChange({ name: e.target.value })} error={errorOf('name')} />;
    case 'event':
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Event name" name={id('name')} list={EVENT_NAMES_LIST} autoComplete="off" placeholder="checkout_clicked" value={step.name} onChange={(e) => onChange({ name: e.target.value })} error={errorOf('name')} />
          <Field
            label="Properties (optional)"
            name={id('properties')}
            placeholder="plan=pro"
            value={step.properties}
            onChange={(e) => onChange({ properties: e.target.value })}
            error={errorOf('properties')}
            hint="key=value, comma-separated; all must match"
          />
        </div>
      );
    case 'goal': {
      const error = errorOf('goalId');
      return (
        <div>
          <label htmlFor={id('goalId')} className="block text-sm font-medium text-gray-900">
            Goal
          </label>
          <select id={id('goalId')} value={step.goalId} onChange={(e) => onChange({ goalId: e.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id('goalId')}-error` : undefined} className={selectClass(error)}>
            <option value="">{goals.length ? 'Choose a goal…' : 'This workspace has no goals yet'}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {error ? (
            <p id={`${id('goalId')}-error`} className="mt-1.5 text-sm text-red-600">
              {error}
            </p>
          ) : null}
        </div>
      );
    }
  }
}

export function StepFields({ index, count, step, goals, errorOf, onChange, onMove, onRemove, removable }: Props) {
  const n = index + 1;
  const typeError = errorOf('type');
  return (
    <li aria-label={`Step ${n}`} className="rounded-lg bg-gray-50 p-4 ring-1 ring-inset ring-gray-200">
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-2 text-sm font-semibold text-gray-900">
          <span className="flex h-6 w-6 items-center justify-center rounded-full bg-indigo-600 text-xs text-white" aria-hidden="true">
            {n}
          </span>
          Step {n}
        </span>
        <span className="flex items-center">
          <IconButton label={`Move step ${n} up`} onClick={() => onMove(-1)} disabled={index === 0}>
            <ArrowUp className="h-4 w-4" aria-hidden="true" />
          </IconButton>
          <IconButton label={`Move step ${n} down`} onClick={() => onMove(1)} disabled={index === count - 1}>
            <ArrowDown className="h-4 w-4" aria-hidden="true" />
          </IconButton>
          <IconButton label={`Remove step ${n}`} onClick={onRemove} disabled={!removable}>
            <X className="h-4 w-4" aria-hidden="true" />
          </IconButton>
        </span>
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-[14rem_minmax(0,1fr)_13rem]">
        <div>
          <label htmlFor={`steps.${index}.type`} className="block text-sm font-medium text-gray-900">
            Type
          </label>
          <select
            id={`steps.${index}.type`}
            value={step.type}
            onChange={(e) => onChange({ type: e.target.value as StepDraft['type'] })}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={typeError ? `steps.${index}.type-error` : undefined}
            className={selectClass(typeError)}
          >
            {FUNNEL_STEP_TYPES.filter((t) => t !== 'conversation_started' || index === 0 || step.type === t).map((t) => (
              <option key={t} value={t}>
                {STEP_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {typeError ? (
            <p id={`steps.${index}.type-error`} className="mt-1.5 text-sm text-red-600">
              {typeError}
            </p>
          ) : null}
        </div>
        <TypeFields index={index} step={step} goals={goals} errorOf={errorOf} onChange={onChange} />
        <Field label="Label (optional)" name={`steps.${index}.label`} placeholder="Shown on the chart" value={step.label} onChange={(e) => onChange({ label: e.target.value })} error={errorOf('label')} />
      </div>
    </li>
  );
}
