/**
 * Labelled input, select and textarea, each with its error (or else its hint) wired up for assistive
 * technology; `id` defaults to `name`.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Common = { label: string; name: string; id?: string; error?: string; hint?: ReactNode; className?: string };

const control = (error?: string) =>
  `mt-1.5 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset disabled:bg-gray-50 disabled:text-gray-500 ${
    error ? 'ring-red-400 focus:ring-red-500' : 'ring-gray-300 focus:ring-indigo-600'
  }`;

const describedBy = (id: string, error?: string, hint?: ReactNode) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

/** The label above a control and its error or hint below it. */
function Labelled({ label, id, error, hint, className, children }: { label: string; id: string; error?: string; hint?: ReactNode; className: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, name, id = name, error, hint, className = '', ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled label={label} id={id} error={error} hint={hint} className={className}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={control(error)} {...props} />
    </Labelled>
  );
}

export function SelectField({ label, name, id = name, error, hint, className = '', children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled label={label} id={id} error={error} hint={hint} className={className}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={`${control(error)} pr-8`} {...props}>
        {children}
      </select>
    </Labelled>
  );
}

export function TextAreaField({ label, name, id = name, error, hint, className = '', ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled label={label} id={id} error={error} hint={hint} className={className}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={control(error)} {...props} />
    </Labelled>
  );
}
