'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/session';

/**
 * A form that submits to a server action and shows its answer: field errors under their fields, any other
 * refusal as one message. On success the form is cleared and `onDone` gets the action's data.
 */
export function useFormAction<T>(action: (form: FormData) => Promise<ActionResult<T>>, onDone: (data: T) => void) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(data);
      if (result.ok) {
        onDone(result.data);
        setErrors({});
        setMessage(null);
        form.reset();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.fieldErrors ? null : result.message);
      }
    });
  }

  return { pending, errors, message, onSubmit };
}
