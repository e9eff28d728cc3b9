'use server';

import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { actionId, formValue, formValues, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import {
  createWebhook,
  deleteWebhook,
  recoverFailed,
  redeliver,
  rotateSecret,
  sendTestEvent,
  updateWebhook,
  webhookInputSchema,
  webhookPatchSchema,
  webhookRecoverSchema,
  webhookTestSchema,
} from '@/lib/webhooks/service';

const GONE: ActionResult<never> = { ok: false, message: 'This webhook no longer exists.' };
const actor = (userId: string) => ({ userId });
// Every page under Settings › Webhooks shows endpoint state (list, endpoint, delivery log).
const refresh = () => revalidatePath('/settings/webhooks', 'layout');

/** The endpoint form as the payload schema sees it: an unticked checkbox is `enabled: false`. */
function webhookFields(form: unknown) {
  if (!(form instanceof FormData)) return null;
  const description = formValue(form, 'description');
  return { url: formValue(form, 'url'), events: formValues(form, 'events'), description: description === '' ? null : description, enabled: form.has('enabled') };
}

/** The service's own validation (the target check resolves the host) as field errors; anything else is a real failure. */
async function validated<T>(write: () => Promise<T>): Promise<ActionResult<never> | { value: T }> {
  try {
    return { value: await write() };
  } catch (error) {
    if (error instanceof ZodError) return invalidFields(error.issues);
    if (error instanceof ApiError && error.status === 422) return invalidFields(error.details ?? [{ path: 'form', message: error.message }]);
    throw error;
  }
}

export const createWebhookAction = withSession('admin', async (context, form: unknown): Promise<ActionResult<{ id: string; secret: string }>> => {
  const parsed = storable(webhookInputSchema).safeParse(webhookFields(form));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const result = await validated(() => createWebhook(context.workspace.id, parsed.data, actor(context.user.id)));
  if (!('value' in result)) return result;
  refresh();
  return { ok: true, data: { id: result.value.id, secret: result.value.secret } };
});

export const updateWebhookAction = withSession('admin', async (context, id: unknown, form: unknown): Promise<ActionResult> => {
  const webhookId = actionId.safeParse(id);
  if (!webhookId.success) return GONE;
  const parsed = storable(webhookPatchSchema).safeParse(webhookFields(form));
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const result = await validated(() => updateWebhook(context.workspace.id, webhookId.data, parsed.data, actor(context.user.id)));
  if (!('value' in result)) return result;
  if (!result.value) return GONE;
  refresh();
  return { ok: true, data: undefined };
});

export const setWebhookEnabledAction = withSession('admin', async (context, id: unknown, enabled: unknown): Promise<ActionResult> => {
  const webhookId = actionId.safeParse(id);
  const on = z.boolean().safeParse(enabled);
  if (!webhookId.success) return GONE;
  if (!on.success) return { ok: false, message: 'Choose enabled or disabled.' };
  const updated = await updateWebhook(context.workspace.id, webhookId.data, { enabled: on.data }, actor(context.user.id));
  if (!updated) return GONE;
  refresh();
  return { ok: true, data: undefined };
});

export const deleteWebhookAction = withSession('admin', async (context, id: unknown): Promise<ActionResult> => {
  const webhookId = actionId.safeParse(id);
  if (!webhookId.success || !(await deleteWebhook(context.workspace.id, webhookId.data, actor(context.user.id)))) return GONE;
  refresh();
  return { ok: true, data: undefined };
});

export const rotateWebhookSecretAction = withSession('admin', async (context, id: unknown): Promise<ActionResult<{ secret: string; previousSecretExpiresAt: string }>> => {
  const webhookId = actionId.safeParse(id);
  const rotated = webhookId.success ? await rotateSecret(context.workspace.id, webhookId.data, actor(context.user.id)) : null;
  if (!rotated) return GONE;
  refresh();
  return { ok: true, data: rotated };
});

export const sendTestEventAction = withSession('admin', async (context, id: unknown, type: unknown): Promise<ActionResult<{ deliveryId: string }>> => {
  const webhookId = actionId.safeParse(id);
  if (!webhookId.success) return GONE;
  // The select always sends a type; a missing one is a malformed call, not a request for the default.
  const parsed = typeof type === 'string' ? storable(webhookTestSchema).safeParse({ type }) : null;
  if (!parsed?.success) return { ok: false, message: 'Choose an event type to send.' };
  const sent = await sendTestEvent(context.workspace.id, webhookId.data, parsed.data);
  if (!sent) return GONE;
  refresh();
  return { ok: true, data: { deliveryId: sent.deliveryId } };
});

export const redeliverAction = withSession('admin', async (context, id: unknown, deliveryId: unknown): Promise<ActionResult> => {
  const webhookId = actionId.safeParse(id);
  const delivery = actionId.safeParse(deliveryId);
  if (!webhookId.success || !delivery.success || !(await redeliver(context.workspace.id, webhookId.data, delivery.data))) {
    return { ok: false, message: 'This delivery no longer exists.' };
  }
  refresh();
  return { ok: true, data: undefined };
});

export const recoverFailedAction = withSession('admin', async (context, id: unknown, since: unknown): Promise<ActionResult<{ requeued: number }>> => {
  const webhookId = actionId.safeParse(id);
  if (!webhookId.success) return GONE;
  const parsed = storable(webhookRecoverSchema).safeParse({ since });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  const recovered = await recoverFailed(context.workspace.id, webhookId.data, { since: parsed.data.since.toISOString() });
  if (!recovered) return GONE;
  refresh();
  return { ok: true, data: recovered };
});
