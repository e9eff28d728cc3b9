/** Labelled select and textarea in the style of components/ui/field, with their errors wired for assistive technology. */
import type { SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

const control = (error?: string) =>
  `mt-1.5 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset ${
    error ? 'ring-red-400 focus:ring-red-500' : 'ring-gray-300 focus:ring-indigo-600'
  }`;

type Common = { label: string; name: string; error?: string; hint?: React.ReactNode; className?: string };

function Help({ name, error, hint }: { name: string; error?: string; hint?: React.ReactNode }) {
  if (error) {
    return (
      <p id={`${name}-error`} className="mt-1.5 text-sm text-red-600">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${name}-hint`} className="mt-1.5 text-xs text-gray-500">
      {hint}
    </p>
  ) : null;
}

const describedBy = (name: string, error?: string, hint?: React.ReactNode) => (error ? `${name}-error` : hint ? `${name}-hint` : undefined);

export function SelectField({ label, name, error, hint, className = '', children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      <select id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, error, hint)} className={`${control(error)} pr-8`} {...props}>
        {children}
      </select>
      <Help name={name} error={error} hint={hint} />
    </div>
  );
}

export function TextAreaField({ label, name, error, hint, className = '', ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      <textarea id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, error, hint)} className={control(error)} {...props} />
      <Help name={name} error={error} hint={hint} />
    </div>
  );
}
