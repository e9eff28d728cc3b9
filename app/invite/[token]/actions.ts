'use server';

import { cookies, headers } from 'next/headers';
import { formValue, storable } from '@/lib/auth/action-input';
import { invalidFields, WORKSPACE_COOKIE, withSignedInUser, type ActionResult } from '@/lib/auth/session';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { runWithRequestContext } from '@/db/request-context';
import { signUpWithInvitation, acceptInvitation } from '@/lib/team/accept';
import { TeamRuleError } from '@/lib/team/errors';
import { invitationTokenSchema, invitedSignUpSchema } from '@/lib/team/schemas';

const BAD_LINK: ActionResult<never> = { ok: false, message: 'This invitation link is not valid.' };

/** Joins, and makes the joined workspace the current one so the user lands in it. */
async function join<T extends { workspaceId: string }>(accept: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const joined = await accept();
    (await cookies()).set(WORKSPACE_COOKIE, joined.workspaceId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
    return { ok: true, data: joined };
  } catch (error) {
    if (error instanceof TeamRuleError) return { ok: false, message: error.message };
    throw error;
  }
}

/** A signed-in user whose e-mail is the invited one joins. */
export const acceptInvitationAction = withSignedInUser(async (user, token: unknown) => {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return BAD_LINK;
  return join(() => acceptInvitation(parsed.data, user.id));
});

/** A visitor signs up with the invited e-mail (fixed by the invitation, not the form) and joins. */
export async function signUpWithInvitationAction(token: unknown, form: unknown): Promise<ActionResult<{ email: string; workspaceId: string }>> {
  const parsedToken = invitationTokenSchema.safeParse(token);
  if (!parsedToken.success) return BAD_LINK;
  const parsed = storable(invitedSignUpSchema).safeParse({ name: formValue(form, 'name'), password: formValue(form, 'password') });
  if (!parsed.success) return invalidFields(parsed.error.issues);
  // A visitor has no session to wrap the action in: the request context (for the audit entry's IP) is set here.
  const ip = clientIpFromHeaders(await headers());
  return runWithRequestContext({ ip }, () => join(() => signUpWithInvitation(parsedToken.data, parsed.data)));
}
