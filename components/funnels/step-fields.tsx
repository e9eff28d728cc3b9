'use client';

/** One step of the funnel builder: its type, the fields that type needs, an optional label, and move/remove buttons. */
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { Field, SelectField } from '@/components/ui/field';
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
      return (
        <SelectField label="Goal" name={id('goalId')} value={step.goalId} onChange={(e) => onChange({ goalId: e.target.value })} error={errorOf('goalId')}>
          <option value="">{goals.length ? 'Choose a goal…' : 'This workspace has no goals yet'}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      );
    }
  }
}

export function StepFields({ index, count, step, goals, errorOf, onChange, onMove, onRemove, removable }: Props) {
  const n = index + 1;
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
        <SelectField label="Type" name={`steps.${index}.type`} value={step.type} onChange={(e) => onChange({ type: e.target.value as StepDraft['type'] })} error={errorOf('type')}>
          {FUNNEL_STEP_TYPES.filter((t) => t !== 'conversation_started' || index === 0 || step.type === t).map((t) => (
            <option key={t} value={t}>
              {STEP_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <TypeFields index={index} step={step} goals={goals} errorOf={errorOf} onChange={onChange} />
        <Field label="Label (optional)" name={`steps.${index}.label`} placeholder="Shown on the chart" value={step.label} onChange={(e) => onChange({ label: e.target.value })} error={errorOf('label')} />
      </div>
    </li>
  );
}
