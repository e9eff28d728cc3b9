/** Team roles, lowest to highest: viewers read; members also edit goals and alerts; admins manage keys, webhooks and team; owners billing. */
import type { Role } from '@/db/schema';

export const ROLES: Role[] = ['viewer', 'member', 'admin', 'owner'];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
