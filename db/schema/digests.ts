/** The weekly digest: who wants it (per workspace and user) and which weeks each member has been sent. */
import { boolean, date, foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { memberships, users, workspaceRef } from './accounts';

/** An explicit choice; without a row, owners and admins get the digest and members and viewers do not. */
export const digestPreferences = pgTable(
  'digest_preferences',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    // Leaving the workspace forgets the choice.
    foreignKey({ name: 'digest_preferences_member_fk', columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** One row per member and digest week (the local Monday it starts): its key makes a second send of a week a no-op. */
export const digestSends = pgTable(
  'digest_sends',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.weekStart] })],
);

export type DigestPreference = typeof digestPreferences.$inferSelect;
