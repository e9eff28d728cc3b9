/**
 * One-click unsubscribe from the digest (RFC 8058): the link carries the workspace and user and an
 * HMAC-SHA256 of both under the app secret (NEXTAUTH_SECRET), so it works signed out and cannot be made for
 * anyone else. It never expires: an old digest's link still unsubscribes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { findDigestPreference, upsertDigestPreference } from '@/db/queries/digest';

const PURPOSE = 'confab.digest-unsubscribe.v1';
const uuid = z.guid();

function appSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: digest unsubscribe links cannot be signed');
  return secret;
}

const signature = (workspaceId: string, userId: string, secret: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}:${workspaceId}:${userId}`).digest('base64url');

export function unsubscribeToken(workspaceId: string, userId: string, secret = appSecret()): string {
  return `${workspaceId}.${userId}.${signature(workspaceId, userId, secret)}`;
}

export const unsubscribeUrl = (origin: string, workspaceId: string, userId: string) =>
  `${origin.replace(/\/$/, '')}/unsubscribe/${unsubscribeToken(workspaceId, userId)}`;

/** The member a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(token: string, secret = appSecret()): { workspaceId: string; userId: string } | null {
  const [workspaceId, userId, mac, ...rest] = token.split('.');
  if (rest.length > 0 || !mac || !uuid.safeParse(workspaceId).success || !uuid.safeParse(userId).success) return null;
  const expected = Buffer.from(signature(workspaceId, userId, secret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { workspaceId, userId } : null;
}

export type UnsubscribeResult = 'unsubscribed' | 'invalid';

/** Turns the digest off for the token's member; `invalid` for a bad token or someone no longer a member. */
export async function unsubscribeFromDigest(token: string): Promise<UnsubscribeResult> {
  const member = verifyUnsubscribeToken(token);
  if (!member || !(await findDigestPreference(member.workspaceId, member.userId))) return 'invalid';
  await upsertDigestPreference(member.workspaceId, member.userId, false);
  return 'unsubscribed';
}
