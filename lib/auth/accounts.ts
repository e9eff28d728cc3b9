/** Sign-up and credential checks: the rules behind the sign-up form, the CLI and the demo seed. */
import { z } from 'zod';
import {
  findUserByEmail,
  findWorkspaceBySlug,
  insertUser,
  insertUserWithWorkspace,
  insertWorkspace,
  updatePasswordHash,
  upsertMembership,
} from '@/db/queries/accounts';
import type { Role } from '@/db/schema';
import { hashPassword, passwordSchema, verifyPassword } from './password';

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid email address').max(254);

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional().default(''),
  email: emailSchema,
  password: passwordSchema,
  workspace: z.string().trim().min(2, 'Name your workspace (at least 2 characters)').max(60),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists');
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'workspace';
}

/** Creates a user and a workspace they own, atomically. Throws EmailTakenError (writing nothing) when the email is in use. */
export async function signUp(input: SignUpInput) {
  const data = signUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const account = await insertUserWithWorkspace(
    { email: data.email, name: data.name || null, passwordHash },
    { name: data.workspace, slug: slugify(data.workspace) },
  );
  if (!account) throw new EmailTakenError();
  return account;
}

/** The user for a correct email and password, else null (same answer for unknown email and wrong password). */
export async function checkCredentials(email: string, password: string) {
  const user = await findUserByEmail(email.trim());
  if (!user?.passwordHash) {
    await hashPassword(password); // same cost either way, so timing does not reveal which emails exist
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

/**
 * Ensures a user exists with this password and belongs to the workspace `slug` (created if missing).
 * Used by the CLI and the demo seed; idempotent.
 */
export async function ensureUserInWorkspace(input: {
  email: string;
  password: string;
  slug: string;
  workspaceName?: string;
  role?: Role;
  /** Also reset the password of an existing user (the CLI's create-user does; the demo seed does not). */
  resetPassword?: boolean;
}) {
  const email = emailSchema.parse(input.email);
  const password = passwordSchema.parse(input.password);
  let user = await findUserByEmail(email);
  if (!user) user = await insertUser({ email, passwordHash: await hashPassword(password) });
  else if (input.resetPassword) await updatePasswordHash(user.id, await hashPassword(password));
  if (!user) user = await findUserByEmail(email);
  if (!user) throw new Error(`Could not create user ${email}`);
  let workspace = await findWorkspaceBySlug(input.slug);
  let created = false;
  if (!workspace) {
    workspace = await insertWorkspace({ name: input.workspaceName ?? input.slug, slug: slugify(input.slug) });
    created = true;
  }
  await upsertMembership(workspace.id, user.id, input.role ?? 'owner');
  return { user, workspace, created };
}
