/** Invitation tokens: 32 random bytes for the link; only their SHA-256 is stored, so a database leak opens no doors. */
import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const invitationLink = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/invite/${token}`;
