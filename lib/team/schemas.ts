/** Payloads of the team's forms and actions. */
import { z } from 'zod';
import { emailSchema } from '@/lib/auth/accounts';
import { passwordSchema } from '@/lib/auth/password';

export const roleSchema = z.enum(['owner', 'admin', 'member', 'viewer'], 'Choose a role');

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteInput = z.infer<typeof inviteSchema>;

/** An invitation link's token: 32 bytes in base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an invitation link');

export const invitedSignUpSchema = z.object({
  name: z.string().trim().max(100).optional().default(''),
  password: passwordSchema,
});
