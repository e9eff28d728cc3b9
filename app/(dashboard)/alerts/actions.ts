'use server';

import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { actionId, storable } from '@/lib/auth/action-input';
import { invalidFields, withSession, type ActionResult } from '@/lib/auth/session';
import { runAlertChecks } from '@/lib/alerts/check';
import { previewAlert, type AlertPreview } from '@/lib/alerts/preview';
import { alertRulePatchSchema, alertRuleSchema, previewSchema, snoozeSchema } from '@/lib/alerts/schemas';
import { createAlertRule, deleteAlertRule, snoozeAlertRule, updateAlertRule, type AlertRule } from '@/lib/alerts/service';

// An id that could never name a rule gets the same answer as one that no longer does.
const GONE: ActionResult<never> = { ok: false, message: 'This alert rule no longer exists.' };

/** Validation failures (the schema's, or a 422 for a goal, funnel or avatar the workspace lacks) as field errors. */
async function guarded<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ZodError) return invalidFields(error.issues);
    if (error instanceof ApiError && error.status === 422 && error.details) return invalidFields(error.details);
    throw error;
  }
}

function saved(rule: AlertRule | null): ActionResult<{ id: string }> {
  if (!rule) return GONE;
  revalidatePath('/alerts', 'layout');
  return { ok: true, data: { id: rule.id } };
}

export const createAlertAction = withSession('member', async (context, input: unknown) => {
  const parsed = storable(alertRuleSchema).safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return guarded(async () => saved(await createAlertRule(context.workspace.id, input, { userId: context.user.id })));
});

export const updateAlertAction = withSession('member', async (context, id: unknown, patch: unknown) => {
  const ruleId = actionId.safeParse(id);
  if (!ruleId.success) return GONE;
  const parsed = storable(alertRulePatchSchema).safeParse(patch);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return guarded(async () => saved(await updateAlertRule(context.workspace.id, ruleId.data, patch, { userId: context.user.id })));
});

export const deleteAlertAction = withSession('member', async (context, id: unknown): Promise<ActionResult> => {
  const ruleId = actionId.safeParse(id);
  if (!ruleId.success || !(await deleteAlertRule(context.workspace.id, ruleId.data, { userId: context.user.id }))) return GONE;
  revalidatePath('/alerts', 'layout');
  return { ok: true, data: undefined };
});

/** `until`: an ISO time, or null to end the snooze. */
export const snoozeAlertAction = withSession('member', async (context, id: unknown, until: unknown) => {
  const ruleId = actionId.safeParse(id);
  if (!ruleId.success) return GONE;
  const parsed = snoozeSchema.safeParse({ until });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return guarded(async () => saved(await snoozeAlertRule(context.workspace.id, ruleId.data, { until }, { userId: context.user.id })));
});

/** "Check now": one pass over this rule, as the schedule would run it. */
export const checkAlertNowAction = withSession('member', async (context, id: unknown): Promise<ActionResult<{ transition: 'fired' | 'resolved' | null }>> => {
  const ruleId = actionId.safeParse(id);
  if (!ruleId.success) return GONE;
  const pass = await runAlertChecks({ workspaceIds: [context.workspace.id], ruleIds: [ruleId.data] });
  if (pass.skipped > 0) return { ok: false, message: 'Checked a moment ago: try again in a second.' };
  if (pass.checked === 0 && pass.failed === 0) return { ok: false, message: 'This rule is disabled or no longer exists.' };
  if (pass.failed > 0) return { ok: false, message: 'The check failed; try again in a moment.' };
  revalidatePath('/alerts', 'layout');
  return { ok: true, data: { transition: pass.fired ? 'fired' : pass.resolved ? 'resolved' : null } };
});

/** The form's live preview: a read, so viewers may run it too. */
export const previewAlertAction = withSession('viewer', async (context, input: unknown): Promise<ActionResult<AlertPreview>> => {
  const parsed = storable(previewSchema).safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error.issues);
  return guarded(async () => ({ ok: true, data: await previewAlert(context.workspace.id, input) }));
});
