/**
 * One-click unsubscribe from the digest (RFC 8058): the link carries the workspace and user and an
 * HMAC-SHA256 of both under the app secret (NEXTAUTH_SECRET), so it works signed out and cannot be made for
 * anyone else. It never expires: an old digest's link still unsubscribes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { findDigestMember, upsertDigestPreference } from '@/db/queries/digest';

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

export type UnsubscribeTarget = { workspaceId: string; userId: string; email: string; workspaceName: string };

/** The member a valid link names; null for a bad link or someone no longer a member. */
export async function unsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const member = verifyUnsubscribeToken(token);
  const found = member ? await findDigestMember(member.workspaceId, member.userId) : null;
  return member && found ? { ...member, ...found } : null;
}

/** Turns the digest off for the link's member; null when the link is not valid. */
export async function unsubscribeFromDigest(token: string): Promise<UnsubscribeTarget | null> {
  const target = await unsubscribeTarget(token);
  if (target) await upsertDigestPreference(target.workspaceId, target.userId, false);
  return target;
}
