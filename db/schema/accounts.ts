/** Users, workspaces and who may do what in them. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, inet, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';

export const roleEnum = pgEnum('member_role', ['owner', 'admin', 'member', 'viewer']);

export const DEFAULT_ESCALATION_TOOLS = ['fallback_to_human', 'open_ticket', 'ticket', 'contact_human'];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name'),
  passwordHash: text('password_hash'),
  /** Carried in every session JWT; bumping it ends every session of this user (lib/auth/token-version.ts). */
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: createdAt(),
});

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timezone: text('timezone').notNull().default('UTC'),
  plan: text('plan').notNull().default('free'),
  stripeCustomerId: text('stripe_customer_id'),
  stripeSubscriptionId: text('stripe_subscription_id'),
  subscriptionStatus: text('subscription_status'),
  /** The subscription's current billing period (lib/billing/sync.ts writes it from Stripe). */
  billingPeriodStart: ts('billing_period_start'),
  billingPeriodEnd: ts('billing_period_end'),
  cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
  /** When the subscription became `past_due`; 7 days later the free limits apply (lib/billing/plans.ts). */
  pastDueSince: ts('past_due_since'),
  inactivityTimeoutMinutes: integer('inactivity_timeout_minutes').notNull().default(30),
  escalationToolNames: text('escalation_tool_names')
    .array()
    .notNull()
    .default(sql`ARRAY['fallback_to_human','open_ticket','ticket','contact_human']::text[]`),
  createdAt: createdAt(),
});

/** A tenant table's `workspace_id`, deleted with its workspace. */
export const workspaceRef = () => uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' });

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    workspaceId: workspaceRef(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('invitations_email_idx').on(t.workspaceId, t.email),
    uniqueIndex('invitations_token_uq').on(t.workspaceId, t.tokenHash),
    index('invitations_token_idx').on(t.tokenHash),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: workspaceRef(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('api_keys_hash_uq').on(t.workspaceId, t.keyHash),
    index('api_keys_hash_idx').on(t.keyHash),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: workspaceRef(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** The client's address (lib/http/client-ip.ts); null for jobs and the CLI. */
    ip: inet('ip'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('audit_log_time_idx').on(t.workspaceId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
